"""PDF or scan -> layout model. The only package that imports PyMuPDF, pdfplumber or Tesseract."""
