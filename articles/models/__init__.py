"""
The articles app's data and rules, one concern per module:

- ``taxonomy``: sections and contributors;
- ``topics``: what stories are about, across sections;
- ``frontpage``: the top of the home page as editors set it, until a set time;
- ``languages``: names readers see in their interface language;
- ``credits``: roles, credits and the styles credit lines are written in;
- ``places``: places credits are written from, named in each language;
- ``article``: the article and its queryset;
- ``visibility``: what readers may see, on the stored release moment, and the reader state;
- ``workflow``: the steps from draft to readers, and their record;
- ``updates``: edits, updates, corrections and translations after writing;
- ``corrections``: the corrections readers see;
- ``takedown``: what a withdrawal takes down besides the pages (the lead image);
- ``permissions``: who may do what with stories;
- ``addresses``: the slugs stories, sections and contributors had before, still answering.
"""

from .addresses import FormerSlug
from .article import Article, ArticleQuerySet
from .corrections import Correction, CorrectionQuerySet
from .credits import ROLES_WITH_PLACE, Credit, CreditPhrase, CreditStyle, Role, forget_styles
from .frontpage import BreakingNews, FrontPageSlot
from .languages import NamedInLanguages
from .places import Place, forget_places
from .taxonomy import CommentPolicy, Contributor, Section, folded
from .topics import Topic
from .visibility import ReaderState, is_public_at, is_published_q, was_released_q
from .workflow import PUBLISH_PERMISSION, STEPS, Status, Step, Transition, WorkflowError

__all__ = [
    "PUBLISH_PERMISSION",
    "ROLES_WITH_PLACE",
    "STEPS",
    "Article",
    "BreakingNews",
    "ArticleQuerySet",
    "CommentPolicy",
    "Contributor",
    "Correction",
    "CorrectionQuerySet",
    "Credit",
    "FrontPageSlot",
    "NamedInLanguages",
    "CreditPhrase",
    "CreditStyle",
    "FormerSlug",
    "Place",
    "ReaderState",
    "Role",
    "Section",
    "Status",
    "Step",
    "Topic",
    "Transition",
    "WorkflowError",
    "folded",
    "forget_places",
    "forget_styles",
    "is_public_at",
    "is_published_q",
    "was_released_q",
]
