"""The handover proposal: the pull request's text, for the manager and the successor.

Who leaves and who takes over, what the leaver wants the successor to know,
the open learning goals with the leaver's presumed answers, the accounts
and where their access lives, the draft lessons, and the command that moves
the responsibilities. What the leaver typed is shown as typed (escaped:
never Markdown, HTML or a link); the handbook adds what the leaver did not
name but the records give them (open learning goals they secure, and every
account the handover gives the successor: where the register names them as
owner or as stand-in, `Catalog.responsibilities_of`).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records.catalog import Catalog
from ..words.messages import FIELD_NAMES, VALUE_NAMES, say
from .answers import Handover, one_line, plain_markdown

# GitHub keeps at most 65,536 characters of a pull request's text.
MAX_PROPOSAL = 60_000


def _quoted(text: str) -> str:
    """A typed answer as a quote of plain text."""
    return "\n".join(f"> {line}" if line else ">" for line in plain_markdown(text).split("\n"))


def _inline(text: str) -> str:
    """A typed answer inside a list item: one line, plain text."""
    return plain_markdown(one_line(text))


@dataclass(frozen=True)
class Listed:
    """A lesson of the pull request, as the proposal names it."""

    path: str
    title: str
    level: str
    campaigns: tuple[str, ...]


def proposal(handover: Handover, catalog: Catalog, lessons: list[Listed]) -> str:
    """The proposal's Markdown; `lessons` are the pull request's draft lessons."""
    issue = handover.issue
    leaver, successor = handover.leaver or "", handover.successor or ""
    name = _inline(catalog.people[leaver].record.name) if leaver in catalog.people else leaver
    successor_name = _inline(catalog.people[successor].record.name) if successor in catalog.people else successor
    day = handover.last_day.isoformat() if handover.last_day else ""
    out = [say("proposal_title", leaver=name, successor=successor_name), ""]
    if issue.login:
        out.append(say("proposal_from_login", number=issue.number, login=issue.login, leaver=name, day=day))
    else:
        out.append(say("proposal_from", number=issue.number, leaver=name, day=day))
    out += ["", say("proposal_message", leaver=name), "", _quoted(handover.message), ""]

    out += [say("proposal_goals"), ""]
    named = {(goal.campaign, goal.goal) for goal in handover.goals}
    for goal in handover.goals:
        out.append(f"- **{goal.campaign}:{goal.goal}** — {_inline(goal.question)}")
        out.append(f"  {say('proposal_presumed', leaver=name)}: {_inline(goal.answer)}")
    if not handover.goals:
        out.append(say("proposal_none_named"))
    unnamed = [(cid, goal.id, goal.question) for cid, entry in sorted(catalog.campaigns.items())
               if entry.record.knowledge_owner == leaver for goal in entry.record.learning_goals
               if (cid, goal.id) not in named and not catalog.answered_by.get((cid, goal.id))]
    if unnamed:
        out += ["", say("proposal_goals_unnamed", leaver=name)]
        out += [f"- **{cid}:{goal}** — {_inline(question)}" for cid, goal, question in unnamed]
    out.append("")

    out += [say("proposal_accounts"), ""]
    for access in handover.accounts:
        account = catalog.accounts[access.account].record
        out.append(f"- **{access.account}** ({_inline(account.handle)}, {account.platform}): {_inline(access.where)}")
    if not handover.accounts:
        out.append(say("proposal_none_named"))
    mentioned = {access.account for access in handover.accounts}
    # Every account the handover gives the successor: the register's every
    # field that names the leaver as who answers for it (owner, or stand-in).
    given = {ident: names for (kind, ident), names in catalog.responsibilities_of(leaver).items()
             if kind == "account" and ident not in mentioned}
    if given:
        out += ["", say("proposal_accounts_unnamed", leaver=name)]
        for ident, names in sorted(given.items()):
            account = catalog.accounts[ident].record
            roles = ", ".join(FIELD_NAMES.get(field, field) for field in names)
            out.append(f"- **{ident}** ({_inline(account.handle)}, {account.platform}; {roles}"
                       + (f"; {VALUE_NAMES[account.status]})" if account.status != "active" else ")"))
    out += ["", say("proposal_no_passwords", successor=successor_name), ""]

    out += [say("proposal_lessons"), ""]
    for lesson in lessons:
        came_from = ", ".join(lesson.campaigns)
        out.append(f"- `{lesson.path}` — {_inline(lesson.title)} ({VALUE_NAMES.get(lesson.level, lesson.level)}"
                   + (f"; {came_from})" if came_from else ")"))
    if not lessons:
        out.append(say("proposal_none_named"))
    tail = ["", say("proposal_next"), "", say("proposal_step_review"),
            say("proposal_step_handover", leaver=name, successor=successor_name), "",
            "   ```sh", f"   handbook handover {leaver} --to {successor} --on {day}",
            f"   handbook handover {leaver} --to {successor} --on {day} --write", "   ```", "",
            say("proposal_step_access", successor=successor_name), "",
            # Merging the pull request closes the issue: the knowledge is in the handbook.
            f"Closes #{issue.number}", ""]
    text, end = "\n".join(out), "\n".join(tail)
    if len(text) + len(end) > MAX_PROPOSAL:  # long answers: the issue holds them whole
        text = text[:MAX_PROPOSAL - len(end) - 200].rsplit("\n", 1)[0] + "\n\n" + say("proposal_cut", number=issue.number)
    return text + "\n" + end
