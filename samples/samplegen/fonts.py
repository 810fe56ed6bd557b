"""Register the IPA TrueType fonts under the names each production route uses."""

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

IPA = "/usr/share/fonts/opentype"
FILES = {
    # reportlab name: (file, face name written into the PDF)
    "Mincho": (f"{IPA}/ipafont-mincho/ipam.ttf", None),
    "Gothic": (f"{IPA}/ipafont-gothic/ipag.ttf", None),
    "PGothic": (f"{IPA}/ipafont-gothic/ipagp.ttf", None),
    # IPA has no bold face: the office tools fake it with fill+stroke and a "Bold" name.
    "GothicBold": (f"{IPA}/ipaexfont-gothic/ipaexg.ttf", b"IPAexGothic-Bold"),
    "PGothicBold": (f"{IPA}/ipafont-gothic/ipagp.ttf", b"IPAPGothic,Bold"),
    "ExMincho": (f"{IPA}/ipaexfont-mincho/ipaexm.ttf", None),
    "ExGothic": (f"{IPA}/ipaexfont-gothic/ipaexg.ttf", None),
}
_done = False


def register_fonts() -> None:
    """Register every font once per process."""
    global _done
    if _done:
        return
    for name, (path, face) in FILES.items():
        font = TTFont(name, path)
        if face is not None:
            font.face.name = face
        pdfmetrics.registerFont(font)
    _done = True


def text_width(text: str, font: str, size: float) -> float:
    return pdfmetrics.stringWidth(text, font, size)
