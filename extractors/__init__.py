"""PDF or scan -> layout model. The only package that imports PyMuPDF, pdfplumber or Tesseract."""

import os

# PyMuPDF imports pymupdf_layout, which imports onnxruntime; onnxruntime's telemetry would
# write a device id and an event store under ~/.cache/Microsoft and queue uploads to
# Microsoft. fugi writes nothing outside its database and talks to no one: switch it off
# before the first import of pymupdf.
os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
