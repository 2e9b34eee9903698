"""Contributors: the people whose names stand in bylines, with their profile pages."""

from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class ContributorRole(models.TextChoices):
    PENULIS = "penulis", "Penulis"
    REPORTER = "reporter", "Reporter"
    EDITOR = "editor", "Editor"
    FOTOGRAFER = "fotografer", "Fotografer"


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
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("user"),
    ]
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
    def unique_slug_for(cls, name: str) -> str:
        base = slugify(name)[:120] or "kontributor"
        slug, n = base, 2
        while cls.objects.filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug
