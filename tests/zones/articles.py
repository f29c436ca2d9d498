"""Articles written for the zone tests (none copied from any outlet). Each piece is named, so a test can
check the kind the zones give it."""

from __future__ import annotations

HEADLINE = "Harbour Authority Delays Vote on Northern Pier Expansion"
BYLINE = "By Maria Kovacs and Tom Reyes"
CAPTION = "Port director Anna Lind at a press briefing. Photo: Lena Ortiz / AP"
NEWS = [
    "The city's harbour authority on Tuesday postponed a vote on expanding the northern pier, "
    "citing unresolved questions about dredging costs.",
    "\u201cWe are not going to rush this, and we owe our residents a clear answer,\u201d board chair "
    "Peter Holm told reporters after the meeting.",
    "The vote was moved to March.",
    "Opponents say the project would harm fish stocks. Supporters argue it would bring 400 jobs, "
    "according to an estimate published by the port last year.",
]
APPEAL = [
    "A note to our readers:",
    "Dear friends,",
    "Independent reporting costs money, and we rely on people like you to keep our newsroom open.",
    "Every gift matters. If you value this work, please donate today and become a supporter.",
    "Thank you for reading and for your support.",
]
BUTTONS = ["One-time", "Monthly", "Yearly", "Give now", "Maybe later"]
NEWSLETTER = "Get the morning briefing in your inbox. Sign up for our free newsletter."
COOKIES = "We use cookies to improve your experience. By continuing to browse you accept our privacy policy."
ADDRESS = ["Mailing Address", "1200 Harbor Ave.", "Springfield, IL 62704"]
LOCALE = "fr_FRFrançais"
RELATED = ["Related:", "Council Approves New Ferry Timetable", "Dockworkers Plan Strike Over Pay"]
FOOTER = "© 2024 Harbour Gazette. All rights reserved."
SHARE = "Share this article"
FOLLOW = "Follow us on Telegram"


def page() -> tuple[str, dict[str, str]]:
    """A scraped page in blank-line-separated form, and the expected kind of each piece."""
    parts: list[tuple[str, str]] = [(line, "boilerplate") for line in ADDRESS]
    parts += [(HEADLINE, "headline"), (BYLINE, "byline"), (CAPTION, "caption")]
    parts += [(p, "body") for p in NEWS]
    parts += [(SHARE, "boilerplate"), (NEWSLETTER, "boilerplate")]
    parts += [(p, "boilerplate") for p in APPEAL]
    parts += [(b, "boilerplate") for b in BUTTONS]
    parts += [(line, "boilerplate") for line in RELATED]
    parts += [(COOKIES, "boilerplate"), (FOLLOW, "boilerplate"), (LOCALE, "boilerplate"), (FOOTER, "boilerplate")]
    separators = {b: "\n" for b in BUTTONS[1:]}  # the button row is one block
    text = ""
    for piece, _ in parts:
        text += (separators.get(piece, "\n\n") if text else "") + piece
    return text, dict(parts)
