// The ballot code as the server reads it (BallotCodes.normalize): full-width letters and digits from a
// Chinese input method become ASCII (NFKC), spaces and dashes go, lower case becomes upper.
(function () {
  'use strict';
  var SEPARATORS = /[\s\u00a0\u3000\-\u2010-\u2015\u2212\ufe58\ufe63\uff0d_]/g;

  function normalize(text) {
    var value = text.normalize ? text.normalize('NFKC') : text;
    return value.replace(SEPARATORS, '').toUpperCase();
  }

  var input = document.getElementById('code');
  if (!input) {
    return;
  }
  var composing = false;
  input.addEventListener('compositionstart', function () { composing = true; });
  input.addEventListener('compositionend', function () { composing = false; input.value = normalize(input.value); });
  input.addEventListener('input', function () {
    if (!composing) {
      var normalized = normalize(input.value);
      if (normalized !== input.value) {
        input.value = normalized;
      }
    }
  });
  if (input.form) {
    input.form.addEventListener('submit', function () { input.value = normalize(input.value); });
  }
}());
