from django.http import Http404, HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from warta.advertising.models import AdsTxt


@require_safe
def ads_txt(request):
    """The site's ads.txt as plain text; a 404 while it is empty ("no ads.txt")."""
    site = Site.find_for_request(request)
    # Not AdsTxt.for_site: that would create a row on a crawler's GET.
    content = AdsTxt.objects.filter(site=site).values_list("content", flat=True).first() or ""
    lines = content.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not lines:
        raise Http404("Situs ini tidak memakai ads.txt.")
    return HttpResponse(lines + "\n", content_type="text/plain; charset=utf-8")
