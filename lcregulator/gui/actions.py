"""Every command of the main window, declared once by id; menus and toolbar are built from it.

A command appears in the menu bar and, when marked, on the toolbar, with the same text,
shortcut and handler — napari's lesson: one registry, not copies scattered over the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str  # translated by the window that builds it
    menu: str  # menu title it belongs to
    shortcut: QKeySequence.StandardKey | str | None = None
    toolbar: bool = False
    status_tip: str = ""


MENUS = ("文件(&F)", "案件(&C)", "查看(&V)", "工具(&T)", "帮助(&H)")

ACTIONS: tuple[ActionSpec, ...] = (
    ActionSpec(
        "file.switch_officer",
        "切换执法人员(&U)…",
        "文件(&F)",
        None,
        False,
        "另一名执法人员登录，不必重新启动",
    ),
    ActionSpec(
        "file.change_password", "修改密码(&W)…", "文件(&F)", None, False, "修改本人的登录密码"
    ),
    ActionSpec(
        "file.lock", "锁定(&L)", "文件(&F)", "Ctrl+L", False, "离开座位时锁定，解锁须输入密码"
    ),
    ActionSpec(
        "file.import_bundle",
        "导入案件包(&I)…",
        "文件(&F)",
        None,
        False,
        "导入其他机关移送或存档的案件包（先校验全部内容，全部导入或者不作任何改动）",
    ),
    ActionSpec(
        "case.new",
        "新建案件(&N)",
        "案件(&C)",
        QKeySequence.StandardKey.New,
        True,
        "登记新的案件或线索",
    ),
    ActionSpec(
        "case.clue",
        "登记线索(&L)…",
        "案件(&C)",
        None,
        True,
        "登记投诉举报、平台报告、移送或监测发现的线索",
    ),
    ActionSpec("case.open", "打开案件(&O)", "案件(&C)", None, True, "打开选中的案件"),
    ActionSpec("case.refresh", "刷新(&R)", "案件(&C)", QKeySequence.StandardKey.Refresh, True),
    ActionSpec(
        "case.summons",
        "约谈(&Y)…",
        "案件(&C)",
        None,
        True,
        "对平台、直播间运营者或者服务机构进行约谈",
    ),
    ActionSpec(
        "case.batch_print",
        "批量打印文书(&P)…",
        "案件(&C)",
        QKeySequence.StandardKey.Print,
        False,
        "打印所选案件中同一种文书（如送达回证）",
    ),
    ActionSpec(
        "case.register_export",
        "导出台账(&E)…",
        "案件(&C)",
        None,
        True,
        "把当前筛选条件下的案件导出为 Excel 案件台账",
    ),
    ActionSpec("app.quit", "退出(&X)", "案件(&C)", QKeySequence.StandardKey.Quit),
    ActionSpec("view.search", "查找案件(&F)", "查看(&V)", QKeySequence.StandardKey.Find),
    ActionSpec(
        "view.statute",
        "法规：直播电商监督管理办法(&L)",
        "查看(&V)",
        "F1",
        True,
        "查阅《直播电商监督管理办法》全文",
    ),
    ActionSpec("tools.settings", "设置(&S)…", "工具(&T)", None, True, "本机关信息和执法人员"),
    ActionSpec(
        "tools.reports",
        "平台报送身份信息(&I)…",
        "工具(&T)",
        None,
        True,
        "导入、查询平台依照办法第九条报送的身份信息，依照第四十八条按省共享",
    ),
    ActionSpec(
        "tools.overrides",
        "载入本省裁量基准(&B)…",
        "工具(&T)",
        None,
        False,
        "载入本省公布的听证标准和罚款裁量幅度（管理员）",
    ),
    ActionSpec(
        "tools.demo",
        "载入演示案件(&D)",
        "工具(&T)",
        None,
        False,
        "载入覆盖各类当事人和办案阶段的演示案件",
    ),
    ActionSpec(
        "tools.backup",
        "备份/恢复(&K)…",
        "工具(&T)",
        None,
        False,
        "备份数据库和证据、文书文件，或从备份恢复；每日自动备份的位置",
    ),
    ActionSpec(
        "tools.integrity",
        "完整性校验(&I)…",
        "工具(&T)",
        None,
        False,
        "校验时间线哈希链、数据库、证据文件和已出具文书是否被改动",
    ),
    ActionSpec(
        "tools.templates",
        "文书模板(&M)…",
        "工具(&T)",
        None,
        False,
        "安装或撤销本局调整的文书模板（管理员）",
    ),
    ActionSpec("help.guide", "操作指南(&G)", "帮助(&H)", None, False, "第一件案件，一步一步"),
    ActionSpec("help.about", "关于(&A)", "帮助(&H)"),
)


def build(
    window: QMainWindow, handlers: dict[str, Callable[[], object]], toolbar: QToolBar
) -> dict[str, QAction]:
    """Create the QActions, put them in menus and on the toolbar; returns them by id."""
    menus: dict[str, QMenu] = {}
    for title in MENUS:
        menus[title] = window.menuBar().addMenu(window.tr(title))
    actions: dict[str, QAction] = {}
    for spec in ACTIONS:
        action = QAction(window.tr(spec.text), window)
        action.setObjectName(spec.id)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        if spec.status_tip:
            action.setStatusTip(window.tr(spec.status_tip))
        handler = handlers.get(spec.id)
        if handler is None:
            raise KeyError(f"no handler for action {spec.id}")
        action.triggered.connect(lambda _checked=False, h=handler: h())
        menus[spec.menu].addAction(action)
        if spec.toolbar:
            toolbar.addAction(action)
        actions[spec.id] = action
    unknown = set(handlers) - {s.id for s in ACTIONS}
    if unknown:
        raise KeyError(f"handlers for unknown actions: {sorted(unknown)}")
    return actions
