"""帮助 → 操作指南: the first case, step by step, as an officer new to the product needs it.

The pictures are real screenshots, made by ``tools/screenshot_guide.py`` running the program on
demo data; they are package data (``guide_images/``), found by name from the guide's text.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from .screen_fit import fit_to_screen

#: the guide's screenshots (package data, written by tools/screenshot_guide.py)
IMAGES = Path(__file__).with_name("guide_images")

GUIDE = """
# 操作指南：办理第一件案件

本系统按《市场监督管理行政处罚程序规定》的顺序办案：**线索 → 核查 → 立案 → 调查取证 →
调查终结 → 审核 → 告知 → 决定 → 送达 → 执行 → 结案 → 归档**。每一步都在案件窗口上方的
**办案操作** 中进行，系统只列出当前阶段依法可以办理的步骤，不符合条件时说明缺少什么。

## 1. 登记线索
主窗口 **线索登记** → **登记线索…**：选择来源（投诉、举报、平台报告、其他机关移送、网络监测、
上级交办），填写接收日期和线索内容。线索应在十五个工作日内核查（程序规定第十八条）。

![登记线索](1-clue.png)

## 2. 核查，立案或者不予立案
选中线索 → **核查（建立案卷）…**，输入案件名称，案件窗口随即打开：
1. **基本信息**：勾选两名以上持执法证的承办人员；
2. **当事人**：新建或添加当事人（平台、直播间运营者、直播营销人员、服务机构）；
3. **管辖**：查看依《直播电商监督管理办法》第四十七条判断的管辖地，**确认管辖结论**。
   本局不具管辖权时，应 **办案操作 → 移送…**；确需由本局办理的，立案时须写明理由；
4. **办案操作 → 开始核查**，再由负责人 **批准立案…**（立案编号已按本局顺序预填）
   或 **不予立案…**（写明理由）。

![案件窗口：基本信息，上方为办案操作](2-case.png)

![案件窗口：管辖](2-jurisdiction.png)

## 3. 调查取证
**违法行为** → **添加违法行为…**：在左侧列表中选择条款（可输入 58、第58条 或 五十八 查找），
写明违法事实和发生日期。**证据**：添加证据文件，系统记录其 SHA-256。
**文书** → **出具文书…**：询问通知书、责令改正通知书等，填写文书询问的事项后出具（出具即编号，
不能撤回）。

![违法行为：输入 58 查找条款](3-violation.png)

## 4. 处罚裁量
选中违法行为 → **处罚裁量…**：填写违法所得、货值金额、情节，系统给出法定幅度、听证权利和
是否须法制审核；填写拟罚款金额后 **保存裁量结果**。

![处罚裁量](4-penalty.png)

## 5. 审核、告知、决定
**办案操作**：**调查终结** → **送审核…**（裁量结果要求的法制审核已勾选且不能取消，可以增加集体
讨论）→ 记录审核 → **送达行政处罚告知书…**（有听证权利的已勾选）→ 记录陈述申辩或听证 →
陈述申辩期和听证申请期届满后，由负责人 **作出行政处罚决定…**（罚款金额按裁量结果预填）。

![告知：裁量结果给出的听证权利已勾选且不能取消](5-review.png)

## 6. 送达、执行、结案、归档
**文书** 中选中已出具的文书 → **记录送达…**，选择送达方式。**办案操作**：**送达决定书** →
**记录缴款…** → 负责人 **批准结案** → **归档**。归档后案件只读。

![文书：已出具的文书，记录送达，打印](6-documents.png)

选中文书后 **打印…** 打开打印预览：可适合宽度、适合页面、放大缩小，单击左侧缩略图翻页，
再 **打印…**。

![打印预览](6-print-preview.png)

## 遇到提示时
- 红色提示写明哪一项需要补充，对应的输入框以红框标出；修改后提示自动消失。
- 不能撤回的步骤（立案、不予立案、决定、结案、归档、移送、出具文书）办理前会请您确认。
- **首页** 列出您承办的未结案件的下一步和期限，**期限预警** 列出全局临近或逾期的期限。
"""


def unwrap(text: str) -> str:
    """Join the source's wrapped lines: in Chinese a line break must not become a space."""
    out: list[str] = []
    for line in text.splitlines():
        starts_block = not line.strip() or re.match(r"#|\d+\. |- ", line)
        if out and not starts_block and out[-1].strip() and not out[-1].startswith("#"):
            out[-1] += line.strip()
        else:
            out.append(line)
    return "\n".join(out)


class GuideDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("操作指南"))
        fit_to_screen(self, 900, 720)
        self.view = QTextBrowser()
        self.view.setObjectName("guideView")
        self.view.setSearchPaths([str(IMAGES)])  # the screenshots, by file name
        self.view.setMarkdown(self.tr(unwrap(GUIDE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
