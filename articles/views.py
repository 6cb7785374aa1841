from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.utils.decorators import method_decorator
from django.views.generic import DetailView, ListView

from .models import Article, Contributor, Section


class HomeView(ListView):
    template_name = "articles/home.html"
    context_object_name = "articles"
    paginate_by = 20

    def get_queryset(self):
        return Article.objects.published().select_related("section").with_credits()


class SectionView(HomeView):
    template_name = "articles/section.html"

    def get_queryset(self):
        self.section = get_object_or_404(Section, slug=self.kwargs["slug"])
        return super().get_queryset().filter(section=self.section)

    def get_context_data(self, **kwargs):
        return super().get_context_data(section=self.section, **kwargs)


class ContributorView(HomeView):
    template_name = "articles/contributor.html"

    def get_queryset(self):
        self.contributor = get_object_or_404(Contributor, slug=self.kwargs["slug"])
        return super().get_queryset().filter(credits__contributor=self.contributor).distinct()

    def get_context_data(self, **kwargs):
        return super().get_context_data(contributor=self.contributor, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("section", "translation_of")
            .with_credits()
            .prefetch_related("corrections")
        )


@method_decorator(staff_member_required, name="dispatch")
class ArticlePreviewView(ArticleDetailView):
    """Staff see any article exactly as readers will, whatever its state."""

    def get_queryset(self):
        return (
            Article.objects.select_related("section", "translation_of")
            .with_credits()
            .prefetch_related("corrections")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)
