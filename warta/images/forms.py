"""The admin's image forms (single add, edit, multiple upload, chooser upload) take the
picture through ``uploads.clean_image``: a bad file is an Indonesian form error, a good
one is stored without its metadata. Wired by ``WAGTAILIMAGES_IMAGE_FORM_BASE``."""

from __future__ import annotations

import copy
import os

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from warta.images.uploads import SUPPORTED_TEXT, ImageRejected, clean_image

MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def cleaned_upload(upload):
    """The upload rewritten in place without metadata, renamed with the right extension;
    ValidationError (Indonesian) when it is not a whole picture.

    In place, because Wagtail's multiple upload keeps ``request.FILES`` itself (as an
    ``UploadedFile`` row) when another field of the form fails: it must hold the
    cleaned bytes too. A temporary file on disk is moved, not copied, into storage,
    hence the flush."""
    upload.seek(0)
    data = upload.read()
    name = os.path.basename(upload.name or "gambar")
    try:
        picture = clean_image(data, name)
    except ImageRejected as exc:
        raise ValidationError(str(exc), code="invalid_image") from None
    handle = upload.file
    handle.seek(0)
    handle.write(picture.content)
    handle.truncate()
    if hasattr(handle, "flush"):
        handle.flush()
    handle.seek(0)
    upload.size = len(picture.content)
    upload.name = f"{os.path.splitext(name)[0] or 'gambar'}.{picture.extension}"
    upload.content_type = MIME_TYPES[picture.format]
    return upload


class WartaImageField(WagtailImageField):
    """Wagtail's field, with Warta's checks first so every refusal reads the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["invalid_image_extension"] = (
            f"Jenis berkas tidak didukung. Unggah gambar {SUPPORTED_TEXT}."
        )
        self.error_messages["file_too_large_unknown_size"] = (
            f"Berkas terlalu besar; batasnya {self.max_upload_size_text}."
        )
        if self.max_upload_size is not None:
            self.help_text = (
                f"Format: {SUPPORTED_TEXT}. Ukuran berkas paling besar "
                f"{filesizeformat(self.max_upload_size)}. Data lokasi (GPS) dan data kamera "
                "lainnya dihapus saat diunggah."
            )

    def to_python(self, data):
        if data in self.empty_values or not hasattr(data, "read"):
            return super().to_python(data)
        return super().to_python(cleaned_upload(data))

    @classmethod
    def replacing(cls, field) -> WartaImageField:
        return cls(
            label=field.label,
            required=field.required,
            widget=copy.deepcopy(field.widget),
        )


class WartaImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"] = WartaImageField.replacing(self.fields["file"])

    class Meta(BaseImageForm.Meta):
        pass
