"""Newsroom accounts, the kanal desks that scope editors, and the review task."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from wagtail.models import Task, TaskState


class User(AbstractUser):
    """A newsroom account. Custom from day one so fields can be added without pain."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"


class SectionDesk(models.Model):
    """The desk of one kanal: the group whose members edit and publish in it.

    The group holds Wagtail page permissions on the kanal page (see
    ``roles.DESK_PAGE_PERMISSIONS``), so Wagtail's own checks keep an editor inside
    the kanal granted to them. ``services.set_editor_sections`` manages membership.
    """

    section = models.OneToOneField(
        "sections.SectionPage",
        verbose_name="kanal",
        on_delete=models.CASCADE,
        related_name="desk",
    )
    group = models.OneToOneField(
        "auth.Group",
        verbose_name="grup",
        on_delete=models.CASCADE,
        related_name="section_desk",
    )

    class Meta:
        verbose_name = "meja kanal"
        verbose_name_plural = "meja kanal"

    def __str__(self):
        return self.group.name


class SectionEditorApprovalTask(Task):
    """Approval by those who may publish the page: its kanal's editors and Redaktur.

    Wagtail's GroupApprovalTask asks only "is the user in one of these groups",
    which would let an editor of Nasional approve an Olahraga article. This task
    asks the page permission system instead (``permissions.can_review``).
    """

    def _can_review(self, obj, user) -> bool:
        from warta.users.permissions import can_review

        return can_review(user, obj)

    def user_can_access_editor(self, obj, user):
        return self._can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self._can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self._can_review(obj, user):
            # "... dan jadwalkan" when the draft has a go-live time ahead (articles.review).
            from warta.articles.review import approve_label

            go_live_at = getattr(obj, "go_live_at", None)
            return [
                ("reject", "Minta perubahan", True),
                ("approve", approve_label(go_live_at), False),
                ("approve", approve_label(go_live_at, with_comment=True), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        from warta.users.permissions import reviewable_pages

        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_active and user.is_superuser:
            return states
        return states.filter(
            workflow_state__base_content_type__app_label="wagtailcore",
            workflow_state__base_content_type__model="page",
            workflow_state__object_id__in=reviewable_pages(user),
        )

    @classmethod
    def get_description(cls):
        return "Disetujui oleh editor kanal berita itu atau Redaktur."

    class Meta:
        verbose_name = "persetujuan editor kanal"
        verbose_name_plural = "persetujuan editor kanal"
