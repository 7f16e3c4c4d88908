package cn.wujiang.cxzy.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.wujiang.cxzy.campaign.UnknownPhaseException;
import cn.wujiang.cxzy.identity.CurrentUser;
import cn.wujiang.cxzy.organization.ImportRejectedException;
import cn.wujiang.cxzy.organization.UnknownOrganizationException;

/** Turns every failure of the API into a Chinese message without a stack trace. */
@RestControllerAdvice(basePackages = "cn.wujiang.cxzy")
public class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ImportRejectedException.class)
  ResponseEntity<ApiError> rejected(ImportRejectedException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(new ApiError(e.getMessage(), e.errors()));
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException.class)
  ResponseEntity<ApiError> invalidForm(RuntimeException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(UnknownOrganizationException.class)
  ResponseEntity<ApiError> unknown(UnknownOrganizationException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(UnknownPhaseException.class)
  ResponseEntity<ApiError> unknownPhase(UnknownPhaseException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler(CurrentUser.AccessDeniedException.class)
  ResponseEntity<ApiError> denied(CurrentUser.AccessDeniedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(e.getMessage()));
  }

  @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class,
      MultipartException.class, HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ApiError> badRequest(Exception e) {
    if (e instanceof MaxUploadSizeExceededException) {
      return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("文件过大，最大 10 MB"));
    }
    String message = e instanceof MissingServletRequestPartException m
        ? "缺少上传的文件（表单字段 " + m.getRequestPartName() + "）"
        : "请求格式不正确";
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(message));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("不支持的请求内容类型"));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("不支持的请求方法"));
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("页面不存在"));
  }

  /** Someone else changed the same thing at the same moment, or claimed the task first. */
  @ExceptionHandler({org.camunda.bpm.engine.OptimisticLockingException.class,
      org.camunda.bpm.engine.TaskAlreadyClaimedException.class,
      org.springframework.dao.OptimisticLockingFailureException.class})
  ResponseEntity<ApiError> conflict(RuntimeException e) {
    LOG.info("Conflict answered with 409: {}", e.getMessage());
    String message = e instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException
        ? cn.wujiang.cxzy.config.ConflictMessageFilter.CLAIMED_MESSAGE
        : cn.wujiang.cxzy.config.ConflictMessageFilter.CONCURRENT_MESSAGE;
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_JSON).body(ApiError.of(message));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    LOG.error("Unexpected error in API", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_JSON).body(ApiError.of("系统内部错误，请稍后重试或联系管理员"));
  }
}
