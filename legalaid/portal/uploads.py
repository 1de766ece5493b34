"""The papers a person uploads through the portal: checked by extension, first bytes and size
(``legalaid.lib.uploads``), at most a few per sending, and photos downscaled before they are stored.

Phones send photos of several megabytes; a paper is readable at 1600 pixels on its longer side. Downscaling also
re-encodes the image, which drops its metadata (a phone photo's EXIF may carry the place it was taken).
"""

from __future__ import annotations

import io
import os
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext as _

from legalaid.lib.uploads import content_matches, extension

#: What a phone or a scanner produces; Office files are not asked of the public.
ACCEPTED = (".jpg", ".jpeg", ".png", ".pdf")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png")
MAX_SIDE = 1600
#: Larger images are refused before decoding (a "decompression bomb" of a few kilobytes could expand to gigabytes).
MAX_PIXELS = 40_000_000


def max_files() -> int:
    return int(getattr(settings, "PORTAL_UPLOAD_MAX_FILES", 5))


def max_bytes() -> int:
    return int(getattr(settings, "PORTAL_UPLOAD_MAX_MB", 10)) * 1024 * 1024


def check(uploads: list) -> None:
    """Raise a ValidationError (Vietnamese, one message per bad file) unless every upload is acceptable."""
    if len(uploads) > max_files():
        raise ValidationError(_("Gửi tối đa %(n)s tệp mỗi lần.") % {"n": max_files()})
    errors = []
    for upload in uploads:
        name = os.path.basename(upload.name or "")
        ext = extension(upload)
        if ext not in ACCEPTED:
            errors.append(
                _("Tệp “%(name)s”: chỉ nhận ảnh chụp (JPG, PNG) hoặc tệp PDF.") % {"name": name[:80]},
            )
        elif upload.size > max_bytes():
            errors.append(
                _("Tệp “%(name)s” quá lớn: tối đa %(mb)s MB.") % {"name": name[:80], "mb": max_bytes() // 1024 // 1024}
            )
        elif upload.size == 0 or not content_matches(upload, ext):
            errors.append(
                _("Tệp “%(name)s” bị hỏng hoặc không đúng loại tệp; hãy chụp hoặc quét lại.") % {"name": name[:80]}
            )
    if errors:
        raise ValidationError(errors)


def prepared(upload):
    """The file to store: an image downscaled to ``MAX_SIDE`` and re-encoded without metadata; a PDF as it came.

    Raises ValidationError when an image does not decode."""
    ext = extension(upload)
    if ext not in IMAGE_EXTENSIONS:
        upload.seek(0)
        return upload
    from PIL import Image, ImageOps

    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValidationError(_("Ảnh quá lớn; hãy chụp lại với độ phân giải thấp hơn."))
                image.load()
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                out = io.BytesIO()
                if ext == ".png":
                    image.save(out, format="PNG", optimize=True)
                else:
                    image.convert("RGB").save(out, format="JPEG", quality=80, optimize=True)
    except ValidationError:
        raise
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Không đọc được ảnh “%(name)s”; hãy chụp lại.") % {"name": os.path.basename(upload.name or "")[:80]}
        ) from None
    content_type = "image/png" if ext == ".png" else "image/jpeg"
    return SimpleUploadedFile(upload.name, out.getvalue(), content_type=content_type)
