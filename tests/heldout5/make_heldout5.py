"""Regenerate tests/heldout5/pdf/*.pdf from docs5.py.

Routes: (1) openpyxl workbook -> LibreOffice Calc -> PDF (x1_conbini);
(2) the same Excel route, then ghostscript pdfwrite (PDF 1.3, fonts re-encoded as simple TrueType
with ToUnicode: x2_packet), and the same through pdftops + ps2pdf, whose text layer comes out
without ToUnicode, i.e. garbage (x2_packet_ps, an OCR case); (3) a multifunction-scanner imitation of x1
(300 dpi grey raster, 1-2 degree skew, blur, noise, punched-hole shadows, a red 印 stamp,
JPEG q60 at 200 dpi, image-only PDF); (4) reportlab, one text object per glyph, landscape
checklist pages (x3_hinan, render_rl5.py).

Run: /work/main/.venv/bin/python tests/heldout5/make_heldout5.py
(needs /work/toolsvenv with openpyxl, soffice, pdftops, ps2pdf, pdftoppm)."""
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import docs5  # noqa: E402
import render_rl5  # noqa: E402

TOOLS_PY = "/work/toolsvenv/bin/python"
GOTHIC_TTF = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)


def excel_to_pdf(stem, work):
    run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / f"{stem}.xlsx")],
        timeout=300)
    return work / f"{stem}.pdf"


def via_ghostscript(pdf, work):
    out = work / (pdf.stem + "_gs.pdf")
    run(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.3",
         f"-sOutputFile={out}", str(pdf)])
    return out


def via_postscript(pdf, work):
    ps = work / (pdf.stem + ".ps")
    out = work / (pdf.stem + "_gs.pdf")
    run(["pdftops", "-level2", str(pdf), str(ps)])
    run(["ps2pdf", "-dCompatibilityLevel=1.3", str(ps), str(out)])
    return out


def stamp(img, rng):
    """A red round 印 seal, semi-transparent, near the department line of the cover."""
    w, h = img.size
    layer = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(layer)
    cx, cy, r = int(w * 0.80), int(h * 0.80), int(w * 0.045)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=(205, 30, 40, 170), width=max(4, r // 9))
    font = ImageFont.truetype(GOTHIC_TTF, int(r * 1.1))
    d.text((cx, cy), "印", fill=(205, 30, 40, 160), font=font, anchor="mm")
    layer = layer.rotate(float(rng.uniform(-15, 15)), center=(cx, cy))
    return Image.alpha_composite(img.convert("RGBA"), layer).convert("RGB")


def scan_page(png, page_no, rng):
    img = Image.open(png).convert("L")
    w, h = img.size
    d = ImageDraw.Draw(img)
    for fy in (0.33, 0.67):  # punched holes' shadow on the left margin
        cy, cx, r = int(h * fy), int(w * 0.035), int(w * 0.018)
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=int(rng.integers(60, 95)))
    angle = float(rng.uniform(1.0, 2.0)) * (1 if page_no % 2 else -1)
    img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=245)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    arr = np.asarray(img).astype(np.int16)
    arr = arr + rng.normal(0, 6, arr.shape).astype(np.int16) - 8  # sensor noise, darker paper
    img = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    img = img.resize((w * 2 // 3, h * 2 // 3), Image.LANCZOS)  # 300 -> 200 dpi
    if page_no == 1:
        img = stamp(img, rng)
    return img


def make_scan(src_pdf, out_pdf, seed=5):
    rng = np.random.default_rng(seed)
    with tempfile.TemporaryDirectory() as t:
        run(["pdftoppm", "-r", "300", "-gray", "-png", str(src_pdf), f"{t}/p"])
        pages = sorted(Path(t).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[1]))
        imgs = [scan_page(p, i + 1, rng) for i, p in enumerate(pages)]
        tmp = Path(t) / "scan.pdf"
        imgs[0].save(tmp, "PDF", resolution=200.0, save_all=True, append_images=imgs[1:], quality=60)
        shutil.copy(tmp, out_pdf)


def main():
    out = HERE / "pdf"
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as t:
        work = Path(t)
        subprocess.run([TOOLS_PY, str(HERE / "build_xlsx.py"), str(work)], check=True, stdout=subprocess.DEVNULL)
        for f in docs5.FILES:
            if f["kind"] != "good":
                continue
            if f["route"].startswith("reportlab"):
                render_rl5.render({d["stem"]: d for d in docs5.DOCS}[f["stem"]], out / f"{f['stem']}.pdf")
                continue
            pdf = excel_to_pdf(f["stem"], work)
            if "ghostscript" in f["route"]:
                shutil.copy(via_postscript(pdf, work), out / f"{f['stem']}_ps.pdf")
                pdf = via_ghostscript(pdf, work)
            shutil.copy(pdf, out / f"{f['stem']}.pdf")
    for f in docs5.SCANNED:
        if not f.get("broken_text"):
            make_scan(out / f"{f['from']}.pdf", out / f"{f['stem']}.pdf")
    for p in sorted(out.glob("*.pdf")):
        print(p.name, p.stat().st_size)


if __name__ == "__main__":
    main()
