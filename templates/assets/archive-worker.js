// The archive check, off the main thread. The checks module (WASM) asks for the bytes it needs
// and this worker reads just those slices of the File with FileReaderSync: a 40 MB archive is
// never loaded whole, and nothing leaves the device (no request is made while checking).
"use strict";

var ready = null;

function errorText(e) {
  return String((e && e.message) || e);
}

self.onmessage = function (event) {
  var msg = event.data;
  if (msg.type === "init") {
    try {
      importScripts(msg.glue);
      ready = pamyatkaArchive({ module_or_path: msg.wasm }).then(function () {
        pamyatkaArchive.set_rule(msg.rule);
      });
    } catch (e) {
      ready = Promise.reject(e);
    }
    ready.then(
      function () { self.postMessage({ type: "ready" }); },
      function (e) { self.postMessage({ type: "failed", message: errorText(e) }); }
    );
    return;
  }
  if (msg.type === "check") {
    ready.then(function () {
      // One batch per selection: duplicates are looked for among these files only.
      pamyatkaArchive.forget();
      var reader = new FileReaderSync();
      msg.files.forEach(function (file, index) {
        var read = 0;
        try {
          var json = pamyatkaArchive.check_archive(file.name, file.size, function (offset, len) {
            read += len;
            return new Uint8Array(reader.readAsArrayBuffer(file.slice(offset, offset + len)));
          });
          self.postMessage({ type: "report", batch: msg.batch, index: index, report: JSON.parse(json), read: read });
        } catch (e) {
          self.postMessage({ type: "report", batch: msg.batch, index: index, error: errorText(e), read: read });
        }
      });
      self.postMessage({ type: "done", batch: msg.batch, duplicates: JSON.parse(pamyatkaArchive.duplicates()) });
    }, function (e) {
      self.postMessage({ type: "failed", message: errorText(e) });
    });
  }
};
