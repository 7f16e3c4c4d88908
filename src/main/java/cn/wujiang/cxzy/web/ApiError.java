package cn.wujiang.cxzy.web;

import java.util.List;

/** The body of every error the API returns: a Chinese message and, for a refused file, its errors. */
public record ApiError(String message, List<?> errors) {

  public static ApiError of(String message) {
    return new ApiError(message, List.of());
  }
}
