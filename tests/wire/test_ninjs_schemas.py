"""Every demo story a partner can get, in each state, is valid ninjs by IPTC's own schema."""

from tests.factories import schema_errors

LIVE_STORY = "storm-ingrid-live"
TRANSLATION = "un-ancien-commandant-de-wagner-demande-l-asile-en-norvege"


def test_every_demo_story_as_ninjs_2_2_validates_against_the_2_2_schema(demo_exports):
    items = demo_exports()
    errors = {slug: schema_errors(item, "2.2") for slug, item in items.items()}
    assert {slug: found for slug, found in errors.items() if found} == {}
    # Each state a partner can meet: readable, held for its time, killed.
    assert {item["pubstatus"] for item in items.values()} == {"usable", "withheld", "canceled"}
    assert {
        "role": "translation-of",
        "value": items[TRANSLATION]["uri"].replace(
            TRANSLATION, "former-wagner-commander-asks-norway-for-asylum"
        ),
    } in items[TRANSLATION]["altids"]
    posts = [a for a in items[LIVE_STORY]["associations"] if a["name"].startswith("post-")]
    assert len(posts) == 20
    assert all(item["standard"]["version"] == "2.2" for item in items.values())
