"""What the platform's messages say, in English or Chinese: plain text a person reads in any
mail program, with the one link that matters on a line of its own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from itpo.mail.model import Letter

SIGNATURE = {
    "en": "-- \nITPO Exchange",
    "zh": "-- \nITPO Exchange 投资与技术促进平台",
}


def _language(lang: str) -> str:
    return "zh" if lang.startswith("zh") else "en"


def _letter(lang: str, subject: str, *lines: str) -> Letter:
    return Letter(subject=subject, body="\n".join([*lines, "", SIGNATURE[_language(lang)]]) + "\n")


def confirmation_letter(
    *, lang: str, deal_title: str, organisation: str, link: str, expires_at: dt.datetime
) -> Letter:
    day = expires_at.date().isoformat()
    if _language(lang) == "zh":
        return _letter(
            lang,
            f"请确认合作成果：{deal_title}",
            f"您好，{organisation}：",
            "",
            f"投资与技术促进办公室请贵方确认以下合作的成果：{deal_title}。",
            "请通过下面的链接确认（或指出有误之处），并告诉我们办公室的支持起了多大作用：",
            "",
            link,
            "",
            f"该链接仅可使用一次，{day} 失效。",
        )
    return _letter(
        lang,
        f"Please confirm the outcome of {deal_title}",
        f"Dear {organisation},",
        "",
        f"The investment and technology promotion office asks you to confirm the outcome of "
        f"{deal_title}.",
        "Through this link you can confirm it (or say what is wrong) and tell us how much the "
        "office's support mattered:",
        "",
        link,
        "",
        f"The link works once and expires on {day}.",
    )


def reset_letter(*, lang: str, name: str, link: str, expires_at: dt.datetime) -> Letter:
    moment = expires_at.strftime("%Y-%m-%d %H:%M UTC")
    if _language(lang) == "zh":
        return _letter(
            lang,
            "设置新密码",
            f"{name}，您好：",
            "",
            "管理员为您的账户发出了重设密码的链接。请通过下面的链接设置新密码：",
            "",
            link,
            "",
            f"该链接仅可使用一次，{moment} 失效。如非您本人所请求，请忽略本邮件。",
        )
    return _letter(
        lang,
        "Set a new password",
        f"Dear {name},",
        "",
        "An administrator issued a link to set a new password for your account:",
        "",
        link,
        "",
        f"It works once and expires at {moment}. If you did not ask for it, ignore this message.",
    )


def deal_reminder_letter(
    *, lang: str, name: str, deal_title: str, quiet_days: int, stage: str, link: str
) -> Letter:
    if _language(lang) == "zh":
        return _letter(
            lang,
            f"{quiet_days} 天未跟进：{deal_title}",
            f"{name}，您好：",
            "",
            f"合作项目“{deal_title}”（当前阶段：{stage}）已有 {quiet_days} 天没有记录任何互动。",
            "请与双方联系，并在平台上记录会谈、电话或走访：",
            "",
            link,
        )
    return _letter(
        lang,
        f"No interaction for {quiet_days} days: {deal_title}",
        f"Dear {name},",
        "",
        f"The deal {deal_title} (stage: {stage}) has had no interaction logged for "
        f"{quiet_days} days.",
        "Get in touch with its parties and log the meeting, call or visit:",
        "",
        link,
    )


def renewal_letter(*, lang: str, name: str, title: str, valid_until: dt.date, link: str) -> Letter:
    day = valid_until.isoformat()
    if _language(lang) == "zh":
        return _letter(
            lang,
            f"即将到期：{title}",
            f"{name}，您好：",
            "",
            f"贵方发布的“{title}”将于 {day} 到期，到期后将不再参与匹配。",
            "如仍有效，请更新其有效期：",
            "",
            link,
        )
    return _letter(
        lang,
        f"About to expire: {title}",
        f"Dear {name},",
        "",
        f"Your opportunity {title} expires on {day}; after that it is no longer matched.",
        "If it still stands, renew it here:",
        "",
        link,
    )


def published_letter(
    *, lang: str, name: str, title: str, valid_until: dt.date, link: str
) -> Letter:
    day = valid_until.isoformat()
    if _language(lang) == "zh":
        return _letter(
            lang,
            f"已发布：{title}",
            f"{name}，您好：",
            "",
            f"贵方的“{title}”已通过审核并发布，有效期至 {day}，现已参与匹配。",
            "匹配结果请见：",
            "",
            link,
        )
    return _letter(
        lang,
        f"Published: {title}",
        f"Dear {name},",
        "",
        f"Your opportunity {title} was reviewed and is published until {day}; it is now matched.",
        "Its matches are here:",
        "",
        link,
    )


def sent_back_letter(
    *, lang: str, name: str, title: str, reason: str, criteria: Sequence[str], link: str
) -> Letter:
    if _language(lang) == "zh":
        wanting = "、".join(CRITERIA_ZH.get(c, c) for c in criteria)
        return _letter(
            lang,
            f"需修改后再提交：{title}",
            f"{name}，您好：",
            "",
            f"办公室审核了贵方的“{title}”，尚未发布。未满足的标准：{wanting}。",
            f"审核意见：{reason}",
            "",
            "请修改后再次提交审核：",
            "",
            link,
        )
    return _letter(
        lang,
        f"Please revise before publishing: {title}",
        f"Dear {name},",
        "",
        f"The office reviewed your opportunity {title} and has not published it yet. "
        f"Criteria not met: {', '.join(criteria)}.",
        f"The reviewer's note: {reason}",
        "",
        "Please revise it and submit it for review again:",
        "",
        link,
    )


CRITERIA_ZH = {"clear": "清晰", "complete": "完整", "specific": "具体", "genuine": "真实"}


@dataclass(frozen=True, slots=True)
class DigestItem:
    """One of the owner's opportunities and what matching found for it since the last digest."""

    title: str
    link: str
    found: Sequence[str]  # the counterparts, as the owner may see them


def digest_letter(*, lang: str, name: str, items: Sequence[DigestItem]) -> Letter:
    total = sum(len(item.found) for item in items)
    zh = _language(lang) == "zh"
    lines = [
        f"{name}，您好：" if zh else f"Dear {name},",
        "",
        f"自上次摘要以来，匹配为贵方的机会找到了 {total} 个新的匹配："
        if zh
        else f"Matching found {total} new matches for your opportunities since the last digest:",
    ]
    for item in items:
        lines += ["", item.title, *(f"  - {found}" for found in item.found), f"  {item.link}"]
    lines += [
        "",
        "请登录查看并决定是否接受介绍。" if zh else "Sign in to see them and accept or decline.",
    ]
    subject = f"{total} 个新匹配" if zh else f"{total} new matches for your opportunities"
    return _letter(lang, subject, *lines)


def request_expired_letter(*, lang: str, name: str, event: str, other: str, asked: bool) -> Letter:
    """To both sides of a meeting request nobody answered in time."""
    if _language(lang) == "zh":
        who = f"{other}向贵方提出的会谈请求" if asked else f"贵方向{other}提出的会谈请求"
        return _letter(
            lang,
            f"会谈请求已过期：{event}",
            f"{name}，您好：",
            "",
            f"在“{event}”中，{who}无人答复，现已过期。",
            "如仍希望会谈，请重新提出请求。",
        )
    who = f"{other}'s request to meet you" if asked else f"your request to meet {other}"
    return _letter(
        lang,
        f"Meeting request expired: {event}",
        f"Dear {name},",
        "",
        f"At {event}, {who} was not answered in time and has expired.",
        "If the meeting is still wanted, ask again.",
    )
