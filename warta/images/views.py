"""The stored original of a picture, for editors only: /media/original_images/ is closed
to everyone (Django and nginx), so the admin streams it after checking permissions."""

from __future__ import annotations

import mimetypes
import os

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

EDITOR_ACTIONS = ["change", "choose"]


@require_safe
def original_file(request, image_id: int):
    image = get_object_or_404(get_image_model(), pk=image_id)
    policy = policy_registry.get_by_type(get_image_model())
    if not policy.user_has_any_permission_for_instance(request.user, EDITOR_ACTIONS, image):
        raise PermissionDenied
    try:
        handle = image.file.open("rb")
    except FileNotFoundError:
        raise Http404("Berkas asli tidak ditemukan.") from None
    name = os.path.basename(image.file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(handle, content_type=content_type, filename=name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
