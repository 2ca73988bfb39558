"""Who is at the keyboard: an officer of this authority, proved by their password.

- :class:`OfficerSignInDialog` — choose the officer, type the password; wrong tries count
  towards the lockout (five lock the account for 15 minutes); a password reset by an
  administrator must be changed at once (:class:`ChangePasswordDialog`); right after the
  upgrade that introduced passwords, an administrator without one sets it here.
- :class:`IdleLock` — after the bureau's idle time (default 15 minutes) every window of the
  application hides behind :class:`LockScreen`, which asks the same officer's password again
  (or lets another officer sign in, or quits).
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lcregulator.domain.authority import Authority, Officer, OfficerId
from lcregulator.domain.errors import DomainError
from lcregulator.services import auth, setup
from lcregulator.services.context import AppContext
from lcregulator.services.early_start import DatabaseProblem

from .forms.ui_officer_sign_in import Ui_OfficerSignInDialog

ERROR_STYLE = "color: #b00020;"


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def _error_label(name: str = "signInError") -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    return label


class OfficerSignInDialog(QDialog):
    """Choose the officer and give the password; accepted only when the services agree.

    Without ``ctx`` (tests of the list alone) it only chooses. At start-up the database may
    still be opening behind the dialog (``services.early_start``): ``opening`` then gives the
    context, waiting for it if the officer was quicker; a database that cannot be opened
    rejects the dialog with :attr:`problem` set, for the start-up to explain; and
    ``while_checking`` runs on the UI thread while the password is checked on a worker
    (argon2 takes ~0.2 s and releases the GIL): the start-up builds the window meanwhile.
    """

    def __init__(
        self,
        authority: Authority,
        officers: list[Officer],
        parent: QWidget | None = None,
        ctx: AppContext | None = None,
        preselect: OfficerId | None = None,
        opening: Callable[[], AppContext] | None = None,
        while_checking: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.opening = opening
        self.while_checking = while_checking
        self.problem: DatabaseProblem | None = None
        self.failure: Exception | None = None  # opening failed unexpectedly
        self.signed_in: Officer | None = None
        self.ui = Ui_OfficerSignInDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("登录 — 直播电商监管执法办案系统"))
        self.ui.authorityLabel.setText(self.tr("执法机关：%1").replace("%1", authority.name))
        for officer in officers:
            badge = officer.badge_number or self.tr("无执法证号")
            self.ui.officerCombo.addItem(
                f"{officer.name}（{officer.role.label}，{badge}）", officer.id
            )
        if preselect is not None:
            index = self.ui.officerCombo.findData(preselect)
            if index >= 0:
                self.ui.officerCombo.setCurrentIndex(index)
        self.password = _password_edit("passwordEdit")
        self.ui.formLayout.addRow(self.tr("密码："), self.password)
        self.error = _error_label()
        self.ui.formLayout.addRow("", self.error)  # right under the password it is about
        self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("登录"))
        self.ui.buttonBox.accepted.connect(self.try_sign_in)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.password.setFocus()

    def selected_officer_id(self) -> int | None:
        value = self.ui.officerCombo.currentData()
        return int(value) if value is not None else None

    def try_sign_in(self) -> None:
        if self.ctx is None and self.opening is not None:
            self.ctx = self._wait_for_database()
            if self.ctx is None:
                return
        if self.ctx is None:
            self.accept()
            return
        officer_id = self.selected_officer_id()
        if officer_id is None:
            return
        ctx = self.ctx
        oid = OfficerId(officer_id)
        previous = ctx.officer
        try:
            if not auth.has_password(ctx, oid) and auth.needs_initial_admin_password(ctx):
                self._first_admin_password(oid)
                return
            if not self.password.text():  # a stray Enter is not a wrong password
                self.error.setText(self.tr("请输入密码。"))
                self.password.setFocus()
                return
            result = self._sign_in(ctx, oid, self.password.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        if result.must_change_password:
            change = ChangePasswordDialog(ctx, self, forced=True, old=self.password.text())
            if change.exec() != QDialog.DialogCode.Accepted:
                ctx.officer = previous
                self.error.setText(self.tr("须修改管理员重置的密码后才能使用本系统。"))
                self.password.clear()
                return
        self.signed_in = ctx.officer
        self.accept()

    def _sign_in(self, ctx: AppContext, officer_id: OfficerId, password: str) -> auth.SignedIn:
        """``auth.sign_in``; with ``while_checking``, the password is checked on a worker
        thread while it runs, and the sign-in is recorded once the password is right."""
        if self.while_checking is None:
            return auth.sign_in(ctx, officer_id, password)
        outcome: list[auth.SignedIn | BaseException] = []

        def check() -> None:
            try:
                outcome.append(auth.check_password(ctx, officer_id, password))
            except BaseException as exc:  # raised on the UI thread below
                outcome.append(exc)

        checking = threading.Thread(target=check, name="password-check", daemon=True)
        checking.start()
        try:
            self.while_checking()
        finally:
            checking.join()
        if isinstance(outcome[0], BaseException):
            raise outcome[0]
        setup.sign_in(ctx, officer_id)
        return outcome[0]

    def _wait_for_database(self) -> AppContext | None:
        """The context being opened behind the dialog (a wait cursor while it finishes); None,
        with the dialog rejected, when the database cannot be used."""
        assert self.opening is not None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return self.opening()
        except DatabaseProblem as exc:  # explained by the start-up, with its ways out
            self.problem = exc
            self.reject()
            return None
        except Exception as exc:  # reported by the start-up once, not at every 登录
            self.failure = exc
            self.reject()
            return None
        finally:
            QApplication.restoreOverrideCursor()

    def _first_admin_password(self, officer_id: OfficerId) -> None:
        assert self.ctx is not None
        dialog = NewPasswordDialog(
            self,
            self.tr("设置管理员密码"),
            self.tr(
                "本系统已启用密码登录，尚未设置任何管理员密码。请为管理员%1设置密码"
                "（至少%2个字符），以后用它登录；其他执法人员的密码由管理员在“设置”中设置。"
            )
            .replace("%1", self.ui.officerCombo.currentText())
            .replace("%2", str(auth.MIN_PASSWORD_LENGTH)),
            lambda password: auth.set_initial_admin_password(self.ctx, officer_id, password),  # type: ignore[arg-type]
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.password.setText(dialog.password)
        self.try_sign_in()


class NewPasswordDialog(QDialog):
    """Type a new password twice; ``save(password)`` stores it (its refusal is shown)."""

    def __init__(
        self, parent: QWidget | None, title: str, prompt: str, save: Callable[[str], object]
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        self.password = ""
        intro = QLabel(prompt)
        intro.setWordWrap(True)
        self.new = _password_edit("newPasswordEdit")
        self.again = _password_edit("repeatPasswordEdit")
        self.error = _error_label("passwordError")
        form = QFormLayout()
        form.addRow(self.tr("新密码："), self.new)
        form.addRow(self.tr("再输一次："), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_save(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("两次输入的密码不一致。"))
            return
        try:
            self.save(self.new.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.password = self.new.text()
        self.accept()


class ChangePasswordDialog(QDialog):
    """The signed-in officer changes their password (forced after an administrator's reset)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, forced: bool = False, old: str = ""
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("修改密码"))
        officer = ctx.require_officer()
        intro = QLabel(
            self.tr("管理员重置了%1的密码，请设置只有您本人知道的新密码。").replace(
                "%1", officer.name
            )
            if forced
            else self.tr("修改%1的登录密码。").replace("%1", officer.name)
        )
        intro.setWordWrap(True)
        self.old = _password_edit("oldPasswordEdit")
        self.old.setText(old)
        self.new = _password_edit("newPasswordEdit")
        self.again = _password_edit("repeatPasswordEdit")
        self.error = _error_label("passwordError")
        form = QFormLayout()
        form.addRow(self.tr("原密码："), self.old)
        form.addRow(self.tr("新密码："), self.new)
        form.addRow(self.tr("再输一次："), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.try_change)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.new if old else self.old).setFocus()

    def try_change(self) -> None:
        if self.new.text() != self.again.text():
            self.error.setText(self.tr("两次输入的新密码不一致。"))
            return
        try:
            auth.change_own_password(self.ctx, self.old.text(), self.new.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


def choose_officer(
    ctx: AppContext, parent: QWidget | None = None, preselect: OfficerId | None = None
) -> Officer | None:
    """Run the sign-in dialog for this installation's officers; None when cancelled."""
    authority = setup.our_authority(ctx)
    if authority is None or authority.id is None:
        return None
    officers = setup.list_officers(ctx, authority.id)
    dialog = OfficerSignInDialog(authority, officers, parent, ctx=ctx, preselect=preselect)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signed_in


class LockScreen(QDialog):
    """Shown while the application is locked; the windows behind it are hidden."""

    unlocked = Signal()
    switch_requested = Signal()
    quit_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("lockScreen")
        self.setWindowTitle(self.tr("已锁定 — 直播电商监管执法办案系统"))
        self.setModal(True)
        officer = ctx.officer
        title = QLabel(self.tr("系统已锁定"))
        title.setObjectName("lockTitle")
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        who = officer.name if officer else ""
        self.prompt = QLabel(
            self.tr("长时间未操作，已锁定以保护案件信息。请%1输入密码继续。").replace("%1", who)
        )
        self.prompt.setWordWrap(True)
        self.password = _password_edit("unlockPasswordEdit")
        self.error = _error_label("unlockError")
        self.unlock_button = QPushButton(self.tr("解锁"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setDefault(True)
        self.switch_button = QPushButton(self.tr("切换执法人员…"))
        self.switch_button.setObjectName("switchOfficerButton")
        self.quit_button = QPushButton(self.tr("退出"))
        self.quit_button.setObjectName("quitButton")
        buttons = QDialogButtonBox()
        buttons.addButton(self.unlock_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.switch_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button.clicked.connect(self.switch_requested.emit)
        self.quit_button.clicked.connect(self.quit_requested.emit)
        form = QFormLayout()
        form.addRow(self.tr("密码："), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.prompt)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def try_unlock(self) -> None:
        try:
            auth.unlock(self.ctx, self.password.text())
        except DomainError as exc:
            self.error.setText(exc.message)
            self.password.clear()
            self.password.setFocus()
            return
        self.password.clear()
        self.unlocked.emit()

    def reject(self) -> None:  # Esc does not unlock
        pass


class IdleLock(QObject):
    """Locks the application after ``minutes`` without a key press or mouse click.

    ``switch_officer`` is called when the officer at the lock screen chooses 切换执法人员; it
    returns True when someone signed in (the application then unlocks for them).
    """

    locked = Signal()
    unlocked = Signal()

    def __init__(
        self,
        ctx: AppContext,
        minutes: int,
        switch_officer: Callable[[], bool] | None = None,
        interval_ms: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        # Owned by the main window: an application-wide event filter must never outlive the
        # window whose lock it is (a filter freed by Python's collector would be called).
        super().__init__(parent)
        self.ctx = ctx
        self.switch_officer = switch_officer
        self.screen: LockScreen | None = None
        self.hidden: list[QWidget] = []
        self.enabled = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes, interval_ms)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int, interval_ms: int | None = None) -> None:
        """0 minutes: never lock. ``interval_ms`` overrides the minutes (tests)."""
        self.timer.stop()
        self.enabled = interval_ms is not None or minutes > 0
        if not self.enabled:
            return
        self.timer.setInterval(interval_ms if interval_ms is not None else minutes * 60_000)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.screen is not None

    def stop(self) -> None:
        """Stop watching: the timer stops and the application-wide filter is removed."""
        self.timer.stop()
        self.enabled = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.enabled
            and not self.is_locked
            and event.type()
            in (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)
        ):
            self.timer.start()  # any input starts the idle time again
        return False

    def lock(self) -> None:
        if self.is_locked or self.ctx.officer is None:
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        self.hidden = [
            w for w in app.topLevelWidgets() if w.isVisible() and not isinstance(w, LockScreen)
        ]
        for widget in self.hidden:
            widget.hide()
        screen = LockScreen(self.ctx)
        screen.unlocked.connect(self._unlock)
        screen.switch_requested.connect(self._switch)
        screen.quit_requested.connect(self._quit)
        self.screen = screen
        screen.show()
        screen.password.setFocus()
        self.locked.emit()

    def _unlock(self) -> None:
        if self.screen is not None:
            self.screen.hide()
            self.screen.deleteLater()
            self.screen = None
        for widget in self.hidden:
            widget.show()
        self.hidden = []
        if self.enabled:
            self.timer.start()
        self.unlocked.emit()

    def _switch(self) -> None:
        if self.switch_officer is not None and self.switch_officer():
            self._unlock()

    def _quit(self) -> None:
        app = QApplication.instance()
        for widget in self.hidden:
            widget.close()
        if self.screen is not None:
            self.screen.hide()
        if app is not None:
            app.quit()


def admin_reset_password(ctx: AppContext, parent: QWidget, officer: Officer) -> bool:
    """An administrator gives ``officer`` a new password they must change at next sign-in."""
    if officer.id is None:
        return False
    oid = officer.id
    dialog = NewPasswordDialog(
        parent,
        parent.tr("重置密码"),
        f"为{officer.name}设置新的初始密码（至少{auth.MIN_PASSWORD_LENGTH}个字符）。"
        "该执法人员下次登录时须改为自己的密码。",
        lambda password: auth.set_password(ctx, oid, password),
    )
    return dialog.exec() == QDialog.DialogCode.Accepted


__all__ = [
    "ChangePasswordDialog",
    "IdleLock",
    "LockScreen",
    "NewPasswordDialog",
    "OfficerSignInDialog",
    "admin_reset_password",
    "choose_officer",
]
