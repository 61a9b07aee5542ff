"""The fake GitHub's REST endpoints.

Answers start from GitHub's own example bodies in the REST description (so they carry every
field real clients see) and are filled with the fake's state; the server validates them
against the description before sending.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from tests.fake_github_contracts import DOCS, SPEC_HOST
from tests.fake_github_state import (
    Answer,
    ApiError,
    Comment,
    CommentKind,
    Delivery,
    File,
    Handler,
    Issue,
    Label,
    Org,
    Repo,
    Req,
    iso,
)

if TYPE_CHECKING:
    from tests.fake_github import FakeGitHub

CONTENT_LIMIT = 1024 * 1024  # the contents API sends no content for larger files

# ---------------------------------------------------------------------- REST handlers


def routes(fake: FakeGitHub) -> list[tuple[str, re.Pattern[str], Handler]]:
    rest = _Rest(fake)
    repo = r"/repos/(?P<owner>[^/]+)/(?P<repo>[^/]+)"
    team = r"/orgs/(?P<org>[^/]+)/teams/(?P<team>[^/]+)"
    table: list[tuple[str, str, Handler]] = [
        ("GET", repo + r"/issues", rest.list_issues),
        ("POST", repo + r"/issues", rest.create_issue),
        ("GET", repo + r"/issues/(?P<number>\d+)", rest.get_issue),
        ("PATCH", repo + r"/issues/(?P<number>\d+)", rest.update_issue),
        ("GET", repo + r"/issues/(?P<number>\d+)/comments", rest.list_comments),
        ("POST", repo + r"/issues/(?P<number>\d+)/comments", rest.create_comment),
        ("GET", repo + r"/issues/comments", rest.list_repo_comments),
        ("GET", repo + r"/issues/comments/(?P<id>\d+)", rest.get_comment),
        ("PATCH", repo + r"/issues/comments/(?P<id>\d+)", rest.update_comment),
        ("DELETE", repo + r"/issues/comments/(?P<id>\d+)", rest.delete_comment),
        ("GET", repo + r"/issues/(?P<number>\d+)/labels", rest.issue_labels),
        ("POST", repo + r"/issues/(?P<number>\d+)/labels", rest.add_issue_labels),
        ("DELETE", repo + r"/issues/(?P<number>\d+)/labels/(?P<name>[^/]+)",
         rest.remove_issue_label),
        ("PUT", repo + r"/issues/(?P<number>\d+)/lock", rest.lock),
        ("DELETE", repo + r"/issues/(?P<number>\d+)/lock", rest.unlock),
        ("GET", repo + r"/labels", rest.list_labels),
        ("POST", repo + r"/labels", rest.create_label),
        ("GET", repo + r"/labels/(?P<name>[^/]+)", rest.get_label),
        ("PATCH", repo + r"/labels/(?P<name>[^/]+)", rest.update_label),
        ("DELETE", repo + r"/labels/(?P<name>[^/]+)", rest.delete_label),
        ("GET", repo + r"/pulls/(?P<number>\d+)", rest.get_pull),
        ("PATCH", repo + r"/pulls/(?P<number>\d+)", rest.update_pull),
        ("GET", repo + r"/pulls/(?P<number>\d+)/commits", rest.pull_commits),
        ("GET", repo + r"/pulls/comments/(?P<id>\d+)", rest.get_review_comment),
        ("PATCH", repo + r"/pulls/comments/(?P<id>\d+)", rest.update_review_comment),
        ("DELETE", repo + r"/pulls/comments/(?P<id>\d+)", rest.delete_review_comment),
        ("GET", repo + r"/pulls/(?P<number>\d+)/reviews/(?P<id>\d+)", rest.get_review),
        ("PUT", repo + r"/pulls/(?P<number>\d+)/reviews/(?P<id>\d+)", rest.update_review),
        ("GET", repo + r"/contents/(?P<path>.*)", rest.get_content),
        ("PUT", repo + r"/contents/(?P<path>.+)", rest.put_content),
        ("GET", repo + r"/collaborators/(?P<user>[^/]+)/permission", rest.permission),
        ("GET", repo + r"/interaction-limits", rest.get_repo_limit),
        ("PUT", repo + r"/interaction-limits", rest.set_repo_limit),
        ("DELETE", repo + r"/interaction-limits", rest.remove_repo_limit),
        ("GET", repo + r"/installation", rest.repo_installation),
        ("GET", r"/orgs/(?P<org>[^/]+)/installation", rest.org_installation),
        ("GET", r"/app", rest.get_app),
        ("POST", r"/app-manifests/(?P<code>[^/]+)/conversions", rest.convert_manifest),
        ("GET", r"/app/installations", rest.list_installations),
        ("GET", r"/installation/repositories", rest.installation_repositories),
        ("GET", r"/rate_limit", rest.get_rate_limit),
        ("GET", r"/orgs/(?P<org>[^/]+)/interaction-limits", rest.get_org_limit),
        ("PUT", r"/orgs/(?P<org>[^/]+)/interaction-limits", rest.set_org_limit),
        ("DELETE", r"/orgs/(?P<org>[^/]+)/interaction-limits", rest.remove_org_limit),
        ("GET", r"/orgs/(?P<org>[^/]+)/blocks", rest.list_blocks),
        ("GET", r"/orgs/(?P<org>[^/]+)/blocks/(?P<user>[^/]+)", rest.is_blocked),
        ("PUT", r"/orgs/(?P<org>[^/]+)/blocks/(?P<user>[^/]+)", rest.block),
        ("DELETE", r"/orgs/(?P<org>[^/]+)/blocks/(?P<user>[^/]+)", rest.unblock),
        ("GET", r"/orgs/(?P<org>[^/]+)/members/(?P<user>[^/]+)", rest.membership),
        ("GET", r"/orgs/(?P<org>[^/]+)/memberships/(?P<user>[^/]+)", rest.org_membership),
        ("GET", team + r"/memberships/(?P<user>[^/]+)", rest.team_membership),
        ("PUT", team + r"/memberships/(?P<user>[^/]+)", rest.add_team_member),
        ("DELETE", team + r"/memberships/(?P<user>[^/]+)", rest.remove_team_member),
        ("GET", r"/users/(?P<user>[^/]+)", rest.get_user),
        ("POST", r"/app/installations/(?P<id>\d+)/access_tokens", rest.access_token),
        ("GET", r"/app/hook/deliveries", rest.list_deliveries),
        ("GET", r"/app/hook/deliveries/(?P<id>\d+)", rest.get_delivery),
        ("POST", r"/app/hook/deliveries/(?P<id>\d+)/attempts", rest.redeliver),
    ]
    return [(m, re.compile(p), h) for m, p, h in table]


class _Rest:
    """The REST endpoints, answering with GitHub's example bodies filled with our state."""

    def __init__(self, fake: FakeGitHub) -> None:
        self.fake = fake
        self.ex = fake.contracts.example

    # -- representations

    def user(self, login: str) -> dict[str, Any]:
        u = self.fake.add_user(login)
        out = self.ex("issue-comment")["user"]
        out.update(login=u.login, id=u.id, node_id=u.node_id, type=u.type,
                   url=f"{SPEC_HOST}/users/{u.login}", html_url=f"https://github.com/{u.login}")
        return out

    def label(self, repo: str, label: Label) -> dict[str, Any]:
        return {"id": label.id, "node_id": label.node_id, "name": label.name,
                "url": f"{SPEC_HOST}/repos/{repo}/labels/{quote(label.name)}",
                "description": label.description, "color": label.color, "default": False}

    def reactions(self, url: str) -> dict[str, Any]:
        counts = ("total_count", "+1", "-1", "laugh", "confused", "heart", "hooray", "eyes",
                  "rocket")
        return {"url": url, **dict.fromkeys(counts, 0)}

    def labels_of(self, repo: str, names: Iterable[str]) -> list[dict[str, Any]]:
        return [self.label(repo, self.fake.add_label(repo, n)) for n in names]

    def issue(self, issue: Issue) -> dict[str, Any]:
        out = self.ex("issue")
        base = f"{SPEC_HOST}/repos/{issue.repo}/issues/{issue.number}"
        kind = "pull" if issue.is_pr else "issues"
        out.update(
            id=issue.id, node_id=issue.node_id, number=issue.number, title=issue.title,
            body=issue.body, user=self.user(issue.author), state=issue.state,
            labels=self.labels_of(issue.repo, issue.labels), locked=issue.locked,
            active_lock_reason=issue.lock_reason, url=base,
            repository_url=f"{SPEC_HOST}/repos/{issue.repo}", labels_url=base + "/labels{/name}",
            comments_url=base + "/comments", events_url=base + "/events",
            html_url=f"https://github.com/{issue.repo}/{kind}/{issue.number}",
            comments=len(self.fake.comments_on(issue.repo, issue.number)),
            created_at=iso(issue.created_at), updated_at=iso(issue.updated_at),
            closed_at=None if issue.state == "open" else iso(issue.updated_at),
            assignee=None, assignees=[], milestone=None, closed_by=None,
            author_association="NONE", state_reason=None, performed_via_github_app=None,
            timeline_url=base + "/timeline", reactions=self.reactions(base + "/reactions"))
        if issue.is_pr:
            pulls = f"{SPEC_HOST}/repos/{issue.repo}/pulls/{issue.number}"
            out["pull_request"] = {"url": pulls, "html_url": out["html_url"],
                                   "diff_url": out["html_url"] + ".diff",
                                   "patch_url": out["html_url"] + ".patch"}
        else:
            out.pop("pull_request", None)
        return out

    def pull(self, issue: Issue) -> dict[str, Any]:
        out = self.ex("pull-request")
        out.update(id=issue.id, node_id=issue.node_id, number=issue.number, title=issue.title,
                   body=issue.body, user=self.user(issue.author), state=issue.state,
                   locked=issue.locked, active_lock_reason=issue.lock_reason,
                   labels=self.labels_of(issue.repo, issue.labels),
                   url=f"{SPEC_HOST}/repos/{issue.repo}/pulls/{issue.number}",
                   html_url=f"https://github.com/{issue.repo}/pull/{issue.number}",
                   created_at=iso(issue.created_at), updated_at=iso(issue.updated_at),
                   requested_teams=[], requested_reviewers=[], assignee=None, assignees=[])
        return out

    def comment(self, c: Comment) -> dict[str, Any]:
        names = {CommentKind.ISSUE: "issue-comment", CommentKind.REVIEW_COMMENT:
                 "pull-request-review-comment-2", CommentKind.REVIEW: "pull-request-review"}
        out = self.ex(names[c.kind])
        out.update(id=c.id, node_id=c.node_id, body=c.body, user=self.user(c.author))
        if c.kind is CommentKind.REVIEW:
            out["html_url"] = f"https://github.com/{c.repo}/pull/{c.number}#pullrequestreview-{c.id}"
            return out
        thread = "pull" if c.kind is CommentKind.REVIEW_COMMENT else "issues"
        path = "pulls" if c.kind is CommentKind.REVIEW_COMMENT else "issues"
        out.update(created_at=iso(c.created_at), updated_at=iso(c.updated_at),
                   url=f"{SPEC_HOST}/repos/{c.repo}/{path}/comments/{c.id}",
                   html_url=f"https://github.com/{c.repo}/{thread}/{c.number}#issuecomment-{c.id}")
        if c.kind is CommentKind.ISSUE:
            out["issue_url"] = f"{SPEC_HOST}/repos/{c.repo}/issues/{c.number}"
        return out

    def file(self, repo: str, path: str, f: File) -> dict[str, Any]:
        out = self.ex("content-file-response-if-content-is-a-file")
        encoded = base64.b64encode(f.data).decode()
        wrapped = "\n".join(encoded[i:i + 60] for i in range(0, len(encoded), 60))
        self_url = f"{SPEC_HOST}/repos/{repo}/contents/{path}"
        out.update(name=path.rsplit("/", 1)[-1], path=path, sha=f.sha, size=len(f.data),
                   content=wrapped + "\n", url=self_url)
        if len(f.data) > CONTENT_LIMIT:  # as GitHub: 1-100 MB files come without content
            out.update(content="", encoding="none")
        out["_links"]["self"] = self_url
        return out

    def page(self, req: Req, items: list[Any]) -> Answer:
        per_page = min(int(req.query.get("per_page", 30)), 100)
        number = int(req.query.get("page", 1))
        chunk = items[(number - 1) * per_page: number * per_page]
        last = max(1, -(-len(items) // per_page))
        headers = {}
        if number < last:
            links = [(number + 1, "next"), (last, "last")]
            headers["link"] = ", ".join(
                f'<{req.url.update_query(page=str(n))}>; rel="{rel}"' for n, rel in links)
        return Answer(200, chunk, headers)

    # -- issues and pull requests

    def _issue(self, req: Req) -> Issue:
        return self.fake.issue(f"{req.params['owner']}/{req.params['repo']}",
                               int(req.params["number"]))

    def _repo(self, req: Req) -> Repo:
        return self.fake.repo(f"{req.params['owner']}/{req.params['repo']}")

    def list_issues(self, req: Req) -> Answer:
        repo = self._repo(req)
        state = req.query.get("state", "open")
        wanted = {n.lower() for n in req.query.get("labels", "").split(",") if n}
        since = _since(req)
        found = [i for i in repo.issues.values()
                 if (state == "all" or i.state == state) and i.updated_at >= since
                 and wanted <= {n.lower() for n in i.labels}
                 and req.query.get("creator", i.author) == i.author]
        found.sort(key=lambda i: i.number, reverse=req.query.get("direction", "desc") == "desc")
        return self.page(req, [self.issue(i) for i in found])

    def create_issue(self, req: Req) -> Answer:
        repo = self._repo(req)
        body = req.body or {}
        issue = self.fake.add_issue(repo.full_name, title=str(body["title"]),
                                    body=body.get("body"), author="governance-bot[bot]",
                                    labels=body.get("labels") or ())
        return Answer(201, self.issue(issue))

    def get_issue(self, req: Req) -> Answer:
        return Answer(200, self.issue(self._issue(req)))

    def update_issue(self, req: Req) -> Answer:
        issue = self._issue(req)
        body = req.body or {}
        self._apply_edit(issue, body)
        if "labels" in body:
            issue.labels = [self.fake.add_label(issue.repo, _label_name(n)).name
                            for n in body["labels"]]
        return Answer(200, self.issue(issue))

    def _apply_edit(self, issue: Issue, body: dict[str, Any]) -> None:
        for key in ("title", "body", "state"):
            if key in body:
                setattr(issue, key, body[key])
        issue.updated_at = datetime.now(UTC)

    def get_pull(self, req: Req) -> Answer:
        issue = self._issue(req)
        if not issue.is_pr:
            raise ApiError(404, "Not Found")
        return Answer(200, self.pull(issue))

    def update_pull(self, req: Req) -> Answer:
        issue = self._issue(req)
        if not issue.is_pr:
            raise ApiError(404, "Not Found")
        self._apply_edit(issue, req.body or {})
        return Answer(200, self.pull(issue))

    def pull_commits(self, req: Req) -> Answer:
        issue = self._issue(req)
        items = []
        for n, commit in enumerate(issue.commits):
            name, email, login = commit[:3]
            c_email, c_login = commit[3:5] if len(commit) >= 5 else (email, login)
            item = self.ex("commit-items")[0]
            item["sha"] = hashlib.sha1(f"{issue.node_id}/{n}".encode()).hexdigest()
            item["commit"]["author"].update(name=name, email=email)
            item["commit"]["committer"].update(name=name, email=c_email)
            # an e-mail that maps to no account: GitHub sends an empty object
            item["author"] = self.user(login) if login else {}
            item["committer"] = self.user(c_login) if c_login else {}
            items.append(item)
        return self.page(req, items)

    # -- comments

    def list_comments(self, req: Req) -> Answer:
        issue, since = self._issue(req), _since(req)
        return self.page(req, [self.comment(c) for c in self.fake.comments_on(
            issue.repo, issue.number) if c.updated_at >= since])

    def list_repo_comments(self, req: Req) -> Answer:
        """Every conversation comment of the repository, newest first when asked."""
        repo, since = f"{req.params['owner']}/{req.params['repo']}", _since(req)
        found = [c for c in self.fake.comments.values()
                 if c.kind is CommentKind.ISSUE and c.repo == repo and c.updated_at >= since]
        newest_first = req.query.get("direction") == "desc"
        found.sort(key=lambda c: (c.created_at, c.id), reverse=newest_first)
        return self.page(req, [self.comment(c) for c in found])

    def create_comment(self, req: Req) -> Answer:
        issue = self._issue(req)
        comment = self.fake.add_comment(issue.repo, issue.number, (req.body or {})["body"],
                                        author="governance-bot[bot]")
        return Answer(201, self.comment(comment))

    def _comment(self, req: Req, kind: CommentKind) -> Comment:
        repo = f"{req.params['owner']}/{req.params['repo']}"
        return self.fake.comment_by_id(kind, repo, int(req.params["id"]))

    def get_comment(self, req: Req) -> Answer:
        return Answer(200, self.comment(self._comment(req, CommentKind.ISSUE)))

    def update_comment(self, req: Req) -> Answer:
        comment = self._comment(req, CommentKind.ISSUE)
        comment.body, comment.updated_at = (req.body or {})["body"], datetime.now(UTC)
        return Answer(200, self.comment(comment))

    def delete_comment(self, req: Req) -> Answer:
        """``issues/delete-comment``: 204; the comment and its edit history are gone."""
        self.fake.delete_comment(self._comment(req, CommentKind.ISSUE))
        return Answer(204)

    def delete_review_comment(self, req: Req) -> Answer:
        """``pulls/delete-review-comment``: 204, or 404 for an unknown id."""
        self.fake.delete_comment(self._comment(req, CommentKind.REVIEW_COMMENT))
        return Answer(204)

    def get_review_comment(self, req: Req) -> Answer:
        return Answer(200, self.comment(self._comment(req, CommentKind.REVIEW_COMMENT)))

    def update_review_comment(self, req: Req) -> Answer:
        comment = self._comment(req, CommentKind.REVIEW_COMMENT)
        comment.body, comment.updated_at = (req.body or {})["body"], datetime.now(UTC)
        return Answer(200, self.comment(comment))

    def get_review(self, req: Req) -> Answer:
        return Answer(200, self.comment(self._comment(req, CommentKind.REVIEW)))

    def update_review(self, req: Req) -> Answer:
        review = self._comment(req, CommentKind.REVIEW)
        review.body = (req.body or {})["body"]
        return Answer(200, self.comment(review))

    # -- labels and locks

    def issue_labels(self, req: Req) -> Answer:
        issue = self._issue(req)
        return self.page(req, self.labels_of(issue.repo, issue.labels))

    def add_issue_labels(self, req: Req) -> Answer:
        issue = self._issue(req)
        body = req.body
        names = body.get("labels", []) if isinstance(body, dict) else body or []
        for name in map(_label_name, names):
            label = self.fake.add_label(issue.repo, name)
            if label.name.lower() not in {n.lower() for n in issue.labels}:
                issue.labels.append(label.name)
        return Answer(200, self.labels_of(issue.repo, issue.labels))

    def remove_issue_label(self, req: Req) -> Answer:
        issue = self._issue(req)
        kept = [n for n in issue.labels if n.lower() != req.params["name"].lower()]
        if len(kept) == len(issue.labels):
            raise ApiError(404, "Label does not exist")
        issue.labels = kept
        return Answer(200, self.labels_of(issue.repo, issue.labels))

    def lock(self, req: Req) -> Answer:
        issue = self._issue(req)
        issue.locked = True
        issue.lock_reason = (req.body or {}).get("lock_reason")
        return Answer(204)

    def unlock(self, req: Req) -> Answer:
        issue = self._issue(req)
        if not issue.locked:
            raise ApiError(404, "Not Found")
        issue.locked, issue.lock_reason = False, None
        return Answer(204)

    def list_labels(self, req: Req) -> Answer:
        repo = self._repo(req)
        return self.page(req, [self.label(repo.full_name, lb) for lb in repo.labels.values()])

    def create_label(self, req: Req) -> Answer:
        repo = self._repo(req)
        body = req.body or {}
        if body["name"].lower() in repo.labels:
            raise ApiError(422, "Validation Failed",
                           [{"resource": "Label", "code": "already_exists", "field": "name"}])
        if "color" in body and not re.fullmatch(r"[0-9a-fA-F]{6}", body["color"]):
            raise ApiError(422, "Validation Failed",
                           [{"resource": "Label", "code": "invalid", "field": "color"}])
        label = self.fake.add_label(repo.full_name, body["name"],
                                    color=body.get("color", "ededed"),
                                    description=body.get("description"))
        return Answer(201, self.label(repo.full_name, label))

    def _label(self, req: Req) -> tuple[Repo, Label]:
        repo = self._repo(req)
        label = repo.labels.get(req.params["name"].lower())
        if label is None:
            raise ApiError(404, "Not Found")
        return repo, label

    def get_label(self, req: Req) -> Answer:
        repo, label = self._label(req)
        return Answer(200, self.label(repo.full_name, label))

    def update_label(self, req: Req) -> Answer:
        repo, label = self._label(req)
        body = req.body or {}
        del repo.labels[label.name.lower()]
        label.name = body.get("new_name", label.name)
        label.color = body.get("color", label.color)
        label.description = body.get("description", label.description)
        repo.labels[label.name.lower()] = label
        return Answer(200, self.label(repo.full_name, label))

    def delete_label(self, req: Req) -> Answer:
        repo, label = self._label(req)
        del repo.labels[label.name.lower()]
        return Answer(204)

    # -- contents

    def get_content(self, req: Req) -> Answer:
        repo, path = self._repo(req), req.params["path"].strip("/")
        found = repo.files.get(path)
        if found is not None:
            return Answer(200, self.file(repo.full_name, path, found))
        prefix = path + "/" if path else ""
        entries = sorted({p[len(prefix):].split("/")[0] for p in repo.files
                          if p.startswith(prefix)})
        if not entries:
            raise ApiError(404, "Not Found")
        return Answer(200, [self._entry(repo, prefix + e) for e in entries])

    def _entry(self, repo: Repo, path: str) -> dict[str, Any]:
        out = self.ex("content-file-response-if-content-is-a-directory")[0]
        f = repo.files.get(path)
        url = f"{SPEC_HOST}/repos/{repo.full_name}/contents/{path}"
        out.update(type="file" if f else "dir", name=path.rsplit("/", 1)[-1], path=path,
                   sha=f.sha if f else hashlib.sha1(path.encode()).hexdigest(),
                   size=len(f.data) if f else 0, url=url)
        out["_links"]["self"] = url
        return out

    def put_content(self, req: Req) -> Answer:
        repo, path = self._repo(req), req.params["path"]
        body = req.body or {}
        current, sha = repo.files.get(path), body.get("sha")
        if current is not None and sha is None:
            raise ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.')
        if (current is None and sha is not None) or (current and sha != current.sha):
            raise ApiError(409, f"{path} does not match {sha}")
        text = base64.b64decode(body["content"]).decode()
        repo.files[path] = File(text)
        out = self.ex("file-commit-example-for-creating-a-file")
        out["content"] = {k: v for k, v in self.file(repo.full_name, path, repo.files[path]).items()
                          if k not in ("content", "encoding")}
        out["commit"]["message"] = body["message"]
        return Answer(201 if current is None else 200, out)

    # -- people

    def permission(self, req: Req) -> Answer:
        repo = self._repo(req)
        login = req.params["user"]
        if login not in self.fake.users:
            raise ApiError(404, "Not Found")
        owners = self.fake.orgs[repo.owner].owners if repo.owner in self.fake.orgs else set()
        role = repo.permissions.get(login, "admin" if login in owners else "none")
        legacy = {"maintain": "write", "triage": "read"}.get(role, role)
        user = {**self.user(login), "role_name": role}
        return Answer(200, {"permission": legacy, "role_name": role, "user": user})

    def membership(self, req: Req) -> Answer:
        org = self.fake.orgs.get(req.params["org"])
        login = req.params["user"]
        if org is None:
            raise ApiError(404, "Not Found")
        if not org.requester_is_member:
            location = f"{SPEC_HOST}/orgs/{org.login}/public_members/{login}"
            return Answer(302, None, {"location": location})
        return Answer(204) if login in org.members else Answer(404, {
            "message": "User does not exist or is not a member of the organization",
            "documentation_url": DOCS})

    def org_membership(self, req: Req) -> Answer:
        org, login = self._org(req), req.params["user"]
        if login not in org.members:
            raise ApiError(404, "Not Found")
        out = self.ex("org-membership-response-if-user-has-an-active-admin-membership-with-"
                      "organization")
        out.update(url=f"{SPEC_HOST}/orgs/{org.login}/memberships/{login}", state="active",
                   role="admin" if login in org.owners else "member",
                   organization_url=f"{SPEC_HOST}/orgs/{org.login}", user=self.user(login))
        out["organization"].update(login=org.login, url=f"{SPEC_HOST}/orgs/{org.login}")
        return Answer(200, out)

    def _team(self, req: Req) -> list[str]:
        members = self._org(req).teams.get(req.params["team"])
        if members is None:
            raise ApiError(404, "Not Found")
        return members

    def _team_membership(self, req: Req) -> dict[str, str]:
        url = f"{SPEC_HOST}/orgs/{req.params['org']}/teams/{req.params['team']}/memberships/"
        return {"url": url + req.params["user"], "role": "member", "state": "active"}

    def team_membership(self, req: Req) -> Answer:
        if req.params["user"] not in self._team(req):
            raise ApiError(404, "Not Found")
        return Answer(200, self._team_membership(req))

    def add_team_member(self, req: Req) -> Answer:
        members = self._team(req)
        if req.params["user"] not in members:
            members.append(req.params["user"])
        return Answer(200, self._team_membership(req))

    def remove_team_member(self, req: Req) -> Answer:
        members = self._team(req)
        if req.params["user"] in members:
            members.remove(req.params["user"])
        return Answer(204)

    def get_user(self, req: Req) -> Answer:
        login = req.params["user"]
        u = self.fake.users.get(login)
        if u is None:
            raise ApiError(404, "Not Found")
        out = self.ex("public-user-default-response")
        out.update(self.user(login))
        # GitHub's example predates the discriminator its own schema now requires.
        out.update(name=u.name, email=u.email, user_view_type="public")
        if u.created_at is not None:
            out.update(created_at=iso(u.created_at))
        return Answer(200, out)

    def _org(self, req: Req) -> Org:
        org = self.fake.orgs.get(req.params["org"])
        if org is None:
            raise ApiError(404, "Not Found")
        return org

    def list_blocks(self, req: Req) -> Answer:
        return self.page(req, [self.user(u) for u in sorted(self._org(req).blocks)])

    def is_blocked(self, req: Req) -> Answer:
        if req.params["user"] in self._org(req).blocks:
            return Answer(204)
        raise ApiError(404, "Not Found")

    def block(self, req: Req) -> Answer:
        org, login = self._org(req), req.params["user"]
        if login in org.members:
            raise ApiError(422, "Validation Failed",
                           [{"resource": "Block", "code": "invalid", "field": "username"}])
        org.blocks.add(login)
        return Answer(204)

    def unblock(self, req: Req) -> Answer:
        self._org(req).blocks.discard(req.params["user"])
        return Answer(204)

    def _limit(self, body: dict[str, Any], origin: str) -> dict[str, str]:
        days = {"one_day": 1, "three_days": 3, "one_week": 7, "one_month": 30, "six_months": 180}
        if "expiry" not in body:  # GitHub defaults to one day; the bot must say how long
            raise ApiError(422, "Validation Failed",
                           [{"resource": "InteractionLimit", "code": "missing_field",
                             "field": "expiry"}])
        expires = datetime.now(UTC) + timedelta(days=days[body["expiry"]])
        return {"limit": body["limit"], "origin": origin, "expires_at": iso(expires)}

    def get_repo_limit(self, req: Req) -> Answer:
        return Answer(200, self._repo(req).interaction_limit or {})

    def set_repo_limit(self, req: Req) -> Answer:
        repo = self._repo(req)
        org = self.fake.orgs.get(repo.owner)
        if org is not None and org.interaction_limit is not None:
            raise ApiError(409, "Interaction limits are already set for the organization")
        repo.interaction_limit = self._limit(req.body or {}, "repository")
        return Answer(200, repo.interaction_limit)

    def remove_repo_limit(self, req: Req) -> Answer:
        self._repo(req).interaction_limit = None
        return Answer(204)

    def get_org_limit(self, req: Req) -> Answer:
        return Answer(200, self._org(req).interaction_limit or {})

    def remove_org_limit(self, req: Req) -> Answer:
        self._org(req).interaction_limit = None
        return Answer(204)

    def set_org_limit(self, req: Req) -> Answer:
        org = self._org(req)
        org.interaction_limit = self._limit(req.body or {}, "organization")
        return Answer(200, org.interaction_limit)

    # -- the app itself

    def installation(self, installation_id: int) -> dict[str, Any]:
        out = self.ex("installation")
        account = self.fake.installations[installation_id]
        # The listing's schema says the account is a user *and* an enterprise (allOf where the
        # single installation says anyOf), so the account carries both shapes' fields.
        both = {**self.user(account), "name": account, "slug": account,
                "created_at": out["created_at"], "updated_at": out["updated_at"]}
        out.update(id=installation_id, account=both,
                   target_type="Organization" if account in self.fake.orgs else "User")
        return out

    def _installation_of(self, account: str) -> Answer:
        for iid, owner in self.fake.installations.items():
            if owner == account:
                return Answer(200, self.installation(iid))
        raise ApiError(404, "Not Found")

    def repo_installation(self, req: Req) -> Answer:
        return self._installation_of(self._repo(req).owner)

    def org_installation(self, req: Req) -> Answer:
        return self._installation_of(req.params["org"])

    def convert_manifest(self, req: Req) -> Answer:
        record = self.fake.manifest_codes.pop(req.params["code"], None)  # codes work once
        if record is None:
            raise ApiError(404, "Not Found")
        self.fake.manifest_apps.append(record)
        return Answer(201, record)

    def get_app(self, req: Req) -> Answer:
        return Answer(200, self.ex("integration"))

    def list_installations(self, req: Req) -> Answer:
        return self.page(req, [self.installation(i) for i in sorted(self.fake.installations)])

    def installation_repositories(self, req: Req) -> Answer:
        """The repositories of the installation whose token asks: all its account owns."""
        token = req.headers.get("authorization", "").partition(" ")[2]
        installation_id = self.fake.token_installations.get(token)
        if installation_id is None:
            raise ApiError(403, "This endpoint needs an installation access token")
        account = self.fake.installations[installation_id]
        owned = sorted((r for r in self.fake.repos.values() if r.owner == account),
                       key=lambda r: r.full_name)
        page = self.page(req, [self.repository(r) for r in owned])
        body = {"total_count": len(owned), "repositories": page.body,
                "repository_selection": "all"}
        return Answer(200, body, page.headers)

    def repository(self, repo: Repo) -> dict[str, Any]:
        out = self.ex("repository-paginated-2")["repositories"][0]
        out.update(id=repo.id, node_id=repo.node_id, name=repo.name, full_name=repo.full_name,
                   owner=self.user(repo.owner), private=repo.private,
                   visibility="private" if repo.private else "public",
                   url=f"{SPEC_HOST}/repos/{repo.full_name}",
                   html_url=f"https://github.com/{repo.full_name}")
        return out

    def get_rate_limit(self, req: Req) -> Answer:
        out = self.ex("rate-limit-overview")
        for name, left in self.fake.rate_limit.items():
            out["resources"][name].update(remaining=left, used=5000 - left)
        out["rate"].update(out["resources"]["core"])
        return Answer(200, out)

    def access_token(self, req: Req) -> Answer:
        if not req.headers.get("authorization", "").lower().startswith("bearer "):
            raise ApiError(401, "A JSON web token could not be decoded")
        if int(req.params["id"]) not in self.fake.installations:
            raise ApiError(404, "Not Found")
        token = f"ghs_fake{self.fake.next_id()}"
        self.fake.issued_tokens.append(token)
        self.fake.token_installations[token] = int(req.params["id"])
        if self.fake.valid_tokens is not None:
            self.fake.valid_tokens.add(token)
        out = self.ex("installation-token")
        out.update(token=token, expires_at=iso(datetime.now(UTC) + timedelta(hours=1)))
        out.pop("repositories", None)
        return Answer(201, out)

    def _delivery(self, d: Delivery) -> dict[str, Any]:
        out = self.ex("hook-delivery-items")[0]
        out.update(id=d.id, guid=d.guid, event=d.event, action=d.action,
                   status_code=d.status_code, redelivery=d.redelivery,
                   status="OK" if d.status_code < 400 else "Failed",
                   installation_id=d.installation_id, repository_id=d.repository_id)
        return out

    def list_deliveries(self, req: Req) -> Answer:
        status = req.query.get("status")
        chosen = [d for d in reversed(self.fake.deliveries)
                  if status is None or (status == "failure") == (d.status_code >= 400)]
        per_page = min(int(req.query.get("per_page", 30)), 100)
        start = int(req.query.get("cursor", 0))
        headers = {}
        if start + per_page < len(chosen):
            nxt = req.url.update_query(cursor=str(start + per_page))
            headers["link"] = f'<{nxt}>; rel="next"'
        items = [self._delivery(d) for d in chosen[start:start + per_page]]
        return Answer(200, items, headers)

    def get_delivery(self, req: Req) -> Answer:
        for d in self.fake.deliveries:
            if d.id == int(req.params["id"]):
                out = self.ex("hook-delivery")
                out.update(self._delivery(d))
                return Answer(200, out)
        raise ApiError(404, "Not Found")

    def redeliver(self, req: Req) -> Answer:
        delivery_id = int(req.params["id"])
        original = next((d for d in self.fake.deliveries if d.id == delivery_id), None)
        if original is None:
            raise ApiError(422, "Validation Failed", [{"code": "invalid", "field": "id"}])
        self.fake.redelivered.append(delivery_id)
        again = Delivery(self.fake.next_id(), original.guid, original.event, original.action,
                         200, original.installation_id, original.repository_id, True)
        self.fake.deliveries.append(again)
        return Answer(202, {})


def _since(req: Req) -> datetime:
    value = req.query.get("since")
    if not value:
        return datetime.min.replace(tzinfo=UTC)
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _label_name(item: Any) -> str:
    return str(item["name"] if isinstance(item, dict) else item)


