"""
Fields of another's JSON document, read as what they should be: a field of any other
type counts as absent, so careless or hostile copy is read without a server error.
"""


def text(item, key):
    """The field's string, stripped; "" when it is absent or no string."""
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def objects(item, key):
    """The objects of the field's list; none when it is absent or no list."""
    value = item.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []
