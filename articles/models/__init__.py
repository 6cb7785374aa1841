"""
The articles app's data and rules, one concern per module:

- ``taxonomy``: sections and contributors;
- ``topics``: what stories are about, across sections;
- ``frontpage``: the top of the home page as editors set it, until a set time;
- ``languages``: names readers see in their interface language;
- ``credits``: roles, credits and the styles credit lines are written in;
- ``media``: the media library (pictures with caption, alt text, photographer, focal point);
- ``places``: places credits are written from, named in each language;
- ``article``: the article, its queryset (what readers may see) and its reader state;
- ``workflow``: the steps from draft to readers, and their record;
- ``updates``: edits, updates, corrections and translations after writing;
- ``corrections``: the corrections readers see;
- ``takedown``: what a withdrawal takes down besides the pages (the lead image);
- ``live``: live coverage, a published story's stream of posts;
- ``addresses``: the slugs stories, sections and contributors had before, still answering.
"""

from .addresses import FormerSlug
from .article import (
    Article,
    ArticleQuerySet,
    ReaderState,
    is_published_q,
    was_released_q,
)
from .corrections import Correction, CorrectionQuerySet
from .credits import ROLES_WITH_PLACE, Credit, CreditPhrase, CreditStyle, Role, forget_styles
from .frontpage import BreakingNews, FrontPageSlot
from .languages import NamedInLanguages
from .live import LiveCursor, LivePost, LivePostCredit
from .media import LibraryImage, lead_image_path, library_image_path
from .places import Place, forget_places
from .taxonomy import CommentPolicy, Contributor, Section, folded
from .topics import Topic
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
    "LiveCursor",
    "LivePost",
    "LivePostCredit",
    "LibraryImage",
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
    "is_published_q",
    "lead_image_path",
    "library_image_path",
    "was_released_q",
]
