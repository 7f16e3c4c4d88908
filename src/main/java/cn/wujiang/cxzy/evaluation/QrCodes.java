package cn.wujiang.cxzy.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** QR codes as SVG data URIs, for an img on a page that allows data: images and nothing from elsewhere. */
final class QrCodes {

  private QrCodes() {
  }

  static String svgDataUri(String text) {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.MARGIN, 2, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode " + text, e);
    }
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      int x = 0;
      while (x < matrix.getWidth()) {
        if (!matrix.get(x, y)) {
          x++;
          continue;
        }
        int run = 1;
        while (x + run < matrix.getWidth() && matrix.get(x + run, y)) {
          run++;
        }
        path.append('M').append(x).append(' ').append(y).append('h').append(run).append("v1h-").append(run).append('z');
        x += run;
      }
    }
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\""
        + path + "\"/></svg>";
    return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
  }
}
