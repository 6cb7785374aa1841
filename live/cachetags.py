"""
Which cached pages a change of live coverage ends (see newsroom/pagecache): a post shows
on its story's page, its updates and feed, and the lists showing the story (its credit
line names every post's reporters), all of which show the story's own tag.
"""

from articles.cachetags import story


def coverage_changed(coverage, before):
    return {story(coverage.article_id)}


def post_changed(post, before):
    return {story(post.article_id)}


def post_credit_changed(credit, before):
    return {story(credit.post.article_id)}
