# Generated from forms/violation_dialog.ui by tools/build_forms.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'violation_dialog.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QSplitter, QTextBrowser, QVBoxLayout, QWidget)

class Ui_ViolationDialog(object):
    def setupUi(self, ViolationDialog):
        if not ViolationDialog.objectName():
            ViolationDialog.setObjectName(u"ViolationDialog")
        ViolationDialog.resize(900, 600)
        self.mainLayout = QVBoxLayout(ViolationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.splitter = QSplitter(ViolationDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.leftPane = QWidget(self.splitter)
        self.leftPane.setObjectName(u"leftPane")
        self.leftLayout = QVBoxLayout(self.leftPane)
        self.leftLayout.setObjectName(u"leftLayout")
        self.leftLayout.setContentsMargins(0, 0, 0, 0)
        self.catalogueLabel = QLabel(self.leftPane)
        self.catalogueLabel.setObjectName(u"catalogueLabel")

        self.leftLayout.addWidget(self.catalogueLabel)

        self.filterEdit = QLineEdit(self.leftPane)
        self.filterEdit.setObjectName(u"filterEdit")

        self.leftLayout.addWidget(self.filterEdit)

        self.provisionList = QListWidget(self.leftPane)
        self.provisionList.setObjectName(u"provisionList")

        self.leftLayout.addWidget(self.provisionList)

        self.splitter.addWidget(self.leftPane)
        self.rightPane = QWidget(self.splitter)
        self.rightPane.setObjectName(u"rightPane")
        self.rightLayout = QVBoxLayout(self.rightPane)
        self.rightLayout.setObjectName(u"rightLayout")
        self.rightLayout.setContentsMargins(0, 0, 0, 0)
        self.textLabel = QLabel(self.rightPane)
        self.textLabel.setObjectName(u"textLabel")

        self.rightLayout.addWidget(self.textLabel)

        self.provisionText = QTextBrowser(self.rightPane)
        self.provisionText.setObjectName(u"provisionText")

        self.rightLayout.addWidget(self.provisionText)

        self.lawButtons = QHBoxLayout()
        self.lawButtons.setObjectName(u"lawButtons")
        self.openStatuteButton = QPushButton(self.rightPane)
        self.openStatuteButton.setObjectName(u"openStatuteButton")

        self.lawButtons.addWidget(self.openStatuteButton)

        self.lawSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.lawButtons.addItem(self.lawSpacer)


        self.rightLayout.addLayout(self.lawButtons)

        self.splitter.addWidget(self.rightPane)

        self.mainLayout.addWidget(self.splitter)

        self.detailsForm = QFormLayout()
        self.detailsForm.setObjectName(u"detailsForm")
        self.factsLabel = QLabel(ViolationDialog)
        self.factsLabel.setObjectName(u"factsLabel")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.factsLabel)

        self.factsEdit = QPlainTextEdit(ViolationDialog)
        self.factsEdit.setObjectName(u"factsEdit")

        self.detailsForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.factsEdit)

        self.startLabel = QLabel(ViolationDialog)
        self.startLabel.setObjectName(u"startLabel")

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.startLabel)

        self.actStartEdit = QDateEdit(ViolationDialog)
        self.actStartEdit.setObjectName(u"actStartEdit")
        self.actStartEdit.setCalendarPopup(True)

        self.detailsForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.actStartEdit)

        self.endLabel = QLabel(ViolationDialog)
        self.endLabel.setObjectName(u"endLabel")

        self.detailsForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.endLabel)

        self.endLayout = QHBoxLayout()
        self.endLayout.setObjectName(u"endLayout")
        self.actEndEdit = QDateEdit(ViolationDialog)
        self.actEndEdit.setObjectName(u"actEndEdit")
        self.actEndEdit.setCalendarPopup(True)

        self.endLayout.addWidget(self.actEndEdit)

        self.sameDayCheck = QCheckBox(ViolationDialog)
        self.sameDayCheck.setObjectName(u"sameDayCheck")

        self.endLayout.addWidget(self.sameDayCheck)

        self.continuingCheck = QCheckBox(ViolationDialog)
        self.continuingCheck.setObjectName(u"continuingCheck")

        self.endLayout.addWidget(self.continuingCheck)

        self.endSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endLayout.addItem(self.endSpacer)


        self.detailsForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.endLayout)


        self.mainLayout.addLayout(self.detailsForm)

        self.errorLabel = QLabel(ViolationDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ViolationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.catalogueLabel.setBuddy(self.provisionList)
        self.factsLabel.setBuddy(self.factsEdit)
        self.startLabel.setBuddy(self.actStartEdit)
        self.endLabel.setBuddy(self.actEndEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ViolationDialog)

        QMetaObject.connectSlotsByName(ViolationDialog)
    # setupUi

    def retranslateUi(self, ViolationDialog):
        ViolationDialog.setWindowTitle(QCoreApplication.translate("ViolationDialog", u"\u8fdd\u6cd5\u884c\u4e3a", None))
        self.catalogueLabel.setText(QCoreApplication.translate("ViolationDialog", u"\u8fdd\u53cd\u7684\u6761\u6b3e(&P)\uff1a", None))
        self.filterEdit.setPlaceholderText(QCoreApplication.translate("ViolationDialog", u"\u7b5b\u9009\u6761\u6b3e\uff0c\u5982\u201c\u6838\u9a8c\u201d\u201c\u4ef7\u683c\u201d", None))
        self.textLabel.setText(QCoreApplication.translate("ViolationDialog", u"\u6761\u6587\uff1a", None))
        self.openStatuteButton.setText(QCoreApplication.translate("ViolationDialog", u"\u5728\u6cd5\u89c4\u4e2d\u67e5\u770b\u2026", None))
        self.factsLabel.setText(QCoreApplication.translate("ViolationDialog", u"\u8fdd\u6cd5\u4e8b\u5b9e(&F)\uff1a", None))
        self.factsEdit.setPlaceholderText(QCoreApplication.translate("ViolationDialog", u"\u4f55\u65f6\u3001\u5728\u54ea\u4e2a\u76f4\u64ad\u95f4\u3001\u4ee5\u4f55\u79cd\u65b9\u5f0f\u5b9e\u65bd\u4e86\u4ec0\u4e48\u884c\u4e3a", None))
        self.startLabel.setText(QCoreApplication.translate("ViolationDialog", u"\u53d1\u751f\u65e5\u671f(&S)\uff1a", None))
        self.actStartEdit.setDisplayFormat(QCoreApplication.translate("ViolationDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.endLabel.setText(QCoreApplication.translate("ViolationDialog", u"\u7ec8\u4e86\u65e5\u671f(&E)\uff1a", None))
        self.actEndEdit.setDisplayFormat(QCoreApplication.translate("ViolationDialog", u"yyyy\u5e74M\u6708d\u65e5", None))
        self.sameDayCheck.setText(QCoreApplication.translate("ViolationDialog", u"\u5f53\u65e5\u7ec8\u4e86", None))
        self.continuingCheck.setText(QCoreApplication.translate("ViolationDialog", u"\u4ecd\u5728\u6301\u7eed", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("ViolationDialog", u"color: #b00020;", None))
    # retranslateUi

