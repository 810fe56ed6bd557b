"""Build tests/heldout6/pdf/*.pdf from docs6.py, then write manifest.json via write_goldens6.py.

    cd /work/main && .venv/bin/python tests/heldout6/make_heldout6.py

Routes: j1 python-docx -> LibreOffice Writer; j2 openpyxl -> LibreOffice Calc; j3 HTML -> chromium;
j4 reportlab platypus; j2 scanned at 200 dpi grey JPEG with ~1 degree skew; j4 scanned at 300 dpi
colour with a faint paper tint.  /ID, /Info and XMP are stripped with pikepdf so reruns give the same
bytes where the producing tool itself is deterministic.
"""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pikepdf

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs6  # noqa: E402
import render6  # noqa: E402

TOOLS_PY = "/work/toolsvenv/bin/python"
PDF = HERE / "pdf"


def strip(path):
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        for key in ("/ID", "/Info", "/DocChecksum"):
            if key in pdf.trailer:
                del pdf.trailer[key]
        if "/Metadata" in pdf.Root:
            del pdf.Root["/Metadata"]
        pdf.save(path, static_id=True, deterministic_id=False, compress_streams=True,
                 object_stream_mode=pikepdf.ObjectStreamMode.preserve)


def office(kind, stem, ext, tmp):
    src = Path(tmp) / f"{stem}.{ext}"
    subprocess.run([TOOLS_PY, str(HERE / "render_office6.py"), kind, str(src)], check=True)
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo", "--convert-to", "pdf",
                    "--outdir", tmp, str(src)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=300)
    shutil.copy(Path(tmp) / f"{stem}.pdf", PDF / f"{stem}.pdf")


def main():
    PDF.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        office("word", docs6.J1["stem"], "docx", tmp)
        office("excel", docs6.J2["stem"], "xlsx", tmp)
        render6.render_j3(PDF / f"{docs6.J3['stem']}.pdf", tmp)
    render6.render_j4(PDF / f"{docs6.J4['stem']}.pdf")
    for d in docs6.DOCS:
        strip(PDF / f"{d['stem']}.pdf")
    for n, (stem, src, dpi, colour, skew) in enumerate(docs6.SCANNED):
        render6.scan(PDF / f"{src}.pdf", PDF / f"{stem}.pdf", dpi, colour, skew, seed=600 + n)
        strip(PDF / f"{stem}.pdf")
    import write_goldens6
    write_goldens6.main()


if __name__ == "__main__":
    main()
