package cn.wujiang.cxzy.organization;

import java.util.List;

/** A file refused whole; nothing of it was saved. */
public class ImportRejectedException extends RuntimeException {

  private final transient List<ImportError> errors;

  public ImportRejectedException(List<ImportError> errors) {
    super("导入失败：文件中有 " + errors.size() + " 处错误，未保存任何数据");
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> errors() {
    return errors;
  }
}
