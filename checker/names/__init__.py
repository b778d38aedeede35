"""What the checker knows about names: romanisation of Chinese, the bundled entity table, user
glossaries, and linking a Chinese name to its English rendering."""


def split_words(text: str) -> list[str]:
    """The whitespace-separated words of a data literal (long word lists stay readable)."""
    return text.split()
