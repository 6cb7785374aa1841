"""What stories are about, across sections: "Elections", "Climate", "Harbour fraud trial"."""

from django.db import models
from django.urls import reverse

from .addresses import KeepsFormerSlugs
from .languages import NamedInLanguages


class Topic(NamedInLanguages, KeepsFormerSlugs, models.Model):
    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, max_length=1000)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("articles:topic", kwargs={"slug": self.slug})
