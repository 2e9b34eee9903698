from django.utils.functional import SimpleLazyObject

from warta.masthead.models import SiteSettings


def masthead(request):
    """The site's masthead settings as ``masthead``, loaded only if a template asks."""
    return {"masthead": SimpleLazyObject(lambda: SiteSettings.for_request(request))}
