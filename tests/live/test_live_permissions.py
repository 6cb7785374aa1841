"""
Live coverage, tried as every role: who may start and end it, post, pin, correct,
withdraw and break out a post; everything else is refused.
"""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import contributor
from tests.roles import ROLES, client_for, table, undone

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("quick_passwords")]

# Live coverage on a published story, through the buttons of its admin page. "own" is a
# story the person wrote; posting needs the right to edit articles and being on the story,
# the rest (start, end, pin, correct, withdraw, break out, letting reporters credit others)
# the right to publish. "credit-other" posts on one's own story crediting someone else.
LIVE_STEPS = table("""
step          reporter  translator  editor  moderator  superuser
start         no        no          yes     no         yes
post-own      yes       yes         yes     no         yes
post-others   no        no          yes     no         yes
credit-other  no        no          yes     no         yes
let-credit    no        no          yes     no         yes
pin           no        no          yes     no         yes
correct       no        no          yes     no         yes
withdraw      no        no          yes     no         yes
break-out     no        no          yes     no         yes
end           no        no          yes     no         yes
""")


def try_live_step(step, user, publish, editor):
    from live.models import LiveCoverage, LivePost

    story = publish(headline="Storm", slug="storm-live", created_by=editor)
    if step == "start":
        client_for(user).post(reverse("admin:articles_article_live", args=[story.pk, "start"]))
        coverage = LiveCoverage.of(story)
        return coverage is not None and coverage.is_running
    LiveCoverage.start(story, editor)
    if step.startswith("post") or step == "credit-other":
        if step != "post-others":
            Article.objects.filter(pk=story.pk).update(created_by=user)
        form = {"live-body": "<p>Wind.</p>"}
        if step == "credit-other":
            form["live-reporters"] = contributor("Elena Editor").pk
        url = reverse("admin:articles_article_live", args=[story.pk, "post"])
        client_for(user).post(url, form)
        return LivePost.objects.filter(created_by=user).exists()
    if step == "let-credit":
        url = reverse("admin:articles_article_live", args=[story.pk, "credit-others"])
        client_for(user).post(url)
        return LiveCoverage.objects.get(pk=story.pk).others_may_be_credited
    if step == "end":
        client_for(user).post(reverse("admin:articles_article_live", args=[story.pk, "end"]))
        story.refresh_from_db()
        return not story.live_coverage.is_running
    post = story.live_coverage.add_post(editor, "<p>Wind.</p>")
    url = reverse("admin:articles_article_live_post", args=[story.pk, post.pk, step])
    client_for(user).post(url, {"note": "Gusts, not a gale."})
    post.refresh_from_db()
    return {
        "pin": post.pinned,
        "correct": bool(post.correction),
        "withdraw": post.withdrawn_at is not None,
        "break-out": post.broken_out_to_id is not None,
    }[step]


@pytest.mark.parametrize("role", ROLES)
def test_live_steps(role, people, publish):
    for step, allowed in LIVE_STEPS.items():
        with undone():
            done = try_live_step(step, people[role], publish, people["editor"])
            assert done == (allowed[role] == "yes"), (step, role)
