"""Contributors: the people whose names stand in bylines, with their profile pages."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.search import index

from warta.people.admin_forms import PersonAdminForm


class ContributorRole(models.TextChoices):
    PENULIS = "penulis", "Penulis"
    REPORTER = "reporter", "Reporter"
    EDITOR = "editor", "Editor"
    FOTOGRAFER = "fotografer", "Fotografer"


class NameFieldPanel(TitleFieldPanel):
    """The name fills the slug while a profile is created; a saved profile keeps its
    address (Wagtail's own panel keys this on ``live``, which contributors lack)."""

    class BoundPanel(TitleFieldPanel.BoundPanel):
        def get_should_apply(self):
            return not (self.instance and self.instance.pk)


class Person(index.Indexed, models.Model):
    name = models.CharField("nama", max_length=120)
    slug = models.SlugField("slug", max_length=140, unique=True, allow_unicode=False)
    role = models.CharField(
        "peran utama", max_length=20, choices=ContributorRole.choices, default="penulis"
    )
    photo = models.ForeignKey(
        "images.WartaImage",
        verbose_name="foto",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField("biografi singkat", blank=True)
    user = models.OneToOneField(
        "users.User",
        verbose_name="akun",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )

    panels = [
        # The slug follows the name as it is typed (ASCII, like ``unique_slug_for``);
        # left empty, the form makes it (admin_forms.PersonAdminForm).
        NameFieldPanel("name", placeholder=False),
        FieldPanel("slug", widget=SlugInput(attrs={"data-w-slug-allow-unicode-value": "false"})),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        # A Penulis does not pick the account: her profile is linked to herself.
        FieldPanel("user", permission="people.change_person"),
    ]
    base_form_class = PersonAdminForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "kontributor"
        verbose_name_plural = "kontributor"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("people:person", kwargs={"slug": self.slug})

    @classmethod
    def unique_slug_for(cls, name: str, exclude: Person | None = None) -> str:
        """A slug made from ``name``, free among the other contributors (``-2``, ``-3``...)."""
        base = slugify(name)[:120].strip("-") or "kontributor"
        others = cls.objects.all()
        if exclude is not None and exclude.pk:
            others = others.exclude(pk=exclude.pk)
        slug, n = base, 2
        while others.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug
