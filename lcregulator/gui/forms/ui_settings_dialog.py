# Generated from forms/settings_dialog.ui by tools/build_forms.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.resize(640, 520)
        self.mainLayout = QVBoxLayout(SettingsDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(SettingsDialog)
        self.tabs.setObjectName(u"tabs")
        self.authorityTab = QWidget()
        self.authorityTab.setObjectName(u"authorityTab")
        self.authorityLayout = QVBoxLayout(self.authorityTab)
        self.authorityLayout.setObjectName(u"authorityLayout")
        self.authorityForm = QFormLayout()
        self.authorityForm.setObjectName(u"authorityForm")
        self.nameLabel = QLabel(self.authorityTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.authorityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.authorityTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.authorityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.shortNameLabel = QLabel(self.authorityTab)
        self.shortNameLabel.setObjectName(u"shortNameLabel")

        self.authorityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.shortNameLabel)

        self.shortNameEdit = QLineEdit(self.authorityTab)
        self.shortNameEdit.setObjectName(u"shortNameEdit")

        self.authorityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.shortNameEdit)

        self.regionLabel = QLabel(self.authorityTab)
        self.regionLabel.setObjectName(u"regionLabel")

        self.authorityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.regionLabel)

        self.regionEdit = QLineEdit(self.authorityTab)
        self.regionEdit.setObjectName(u"regionEdit")

        self.authorityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.regionEdit)

        self.addressLabel = QLabel(self.authorityTab)
        self.addressLabel.setObjectName(u"addressLabel")

        self.authorityForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.addressEdit = QLineEdit(self.authorityTab)
        self.addressEdit.setObjectName(u"addressEdit")

        self.authorityForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.addressEdit)

        self.phoneLabel = QLabel(self.authorityTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.authorityForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.authorityTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.authorityForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.phoneEdit)


        self.authorityLayout.addLayout(self.authorityForm)

        self.authorityHint = QLabel(self.authorityTab)
        self.authorityHint.setObjectName(u"authorityHint")
        self.authorityHint.setWordWrap(True)

        self.authorityLayout.addWidget(self.authorityHint)

        self.authoritySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.authorityLayout.addItem(self.authoritySpacer)

        self.tabs.addTab(self.authorityTab, "")
        self.officersTab = QWidget()
        self.officersTab.setObjectName(u"officersTab")
        self.officersLayout = QVBoxLayout(self.officersTab)
        self.officersLayout.setObjectName(u"officersLayout")
        self.officerTable = QTableWidget(self.officersTab)
        self.officerTable.setObjectName(u"officerTable")

        self.officersLayout.addWidget(self.officerTable)

        self.officerForm = QFormLayout()
        self.officerForm.setObjectName(u"officerForm")
        self.officerNameLabel = QLabel(self.officersTab)
        self.officerNameLabel.setObjectName(u"officerNameLabel")

        self.officerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officerNameLabel)

        self.officerNameEdit = QLineEdit(self.officersTab)
        self.officerNameEdit.setObjectName(u"officerNameEdit")

        self.officerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officerNameEdit)

        self.badgeLabel = QLabel(self.officersTab)
        self.badgeLabel.setObjectName(u"badgeLabel")

        self.officerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.badgeLabel)

        self.badgeEdit = QLineEdit(self.officersTab)
        self.badgeEdit.setObjectName(u"badgeEdit")

        self.officerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.badgeEdit)

        self.roleLabel = QLabel(self.officersTab)
        self.roleLabel.setObjectName(u"roleLabel")

        self.officerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(self.officersTab)
        self.roleCombo.setObjectName(u"roleCombo")

        self.officerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.activeLabel = QLabel(self.officersTab)
        self.activeLabel.setObjectName(u"activeLabel")

        self.officerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.activeLabel)

        self.activeCheck = QCheckBox(self.officersTab)
        self.activeCheck.setObjectName(u"activeCheck")

        self.officerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.activeCheck)


        self.officersLayout.addLayout(self.officerForm)

        self.officerButtons = QHBoxLayout()
        self.officerButtons.setObjectName(u"officerButtons")
        self.newOfficerButton = QPushButton(self.officersTab)
        self.newOfficerButton.setObjectName(u"newOfficerButton")

        self.officerButtons.addWidget(self.newOfficerButton)

        self.saveOfficerButton = QPushButton(self.officersTab)
        self.saveOfficerButton.setObjectName(u"saveOfficerButton")

        self.officerButtons.addWidget(self.saveOfficerButton)

        self.officerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.officerButtons.addItem(self.officerSpacer)


        self.officersLayout.addLayout(self.officerButtons)

        self.tabs.addTab(self.officersTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(SettingsDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SettingsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.shortNameLabel.setBuddy(self.shortNameEdit)
        self.regionLabel.setBuddy(self.regionEdit)
        self.addressLabel.setBuddy(self.addressEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.officerNameLabel.setBuddy(self.officerNameEdit)
        self.badgeLabel.setBuddy(self.badgeEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.activeLabel.setBuddy(self.activeCheck)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"\u8bbe\u7f6e", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u673a\u5173\u540d\u79f0(&N)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u5982\uff1a\u676d\u5dde\u5e02\u897f\u6e56\u533a\u5e02\u573a\u76d1\u7763\u7ba1\u7406\u5c40", None))
        self.shortNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u673a\u5173\u4ee3\u5b57(&S)\uff1a", None))
        self.shortNameEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u7528\u4e8e\u6587\u53f7\uff0c\u5982\uff1a\u676d\u897f\u5e02\u76d1", None))
        self.regionLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u884c\u653f\u533a\u5212(&R)\uff1a", None))
        self.regionEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"\u8f93\u5165\u533a\u5212\u4ee3\u7801\u6216\u540d\u79f0", None))
        self.addressLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u5730\u5740\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u7535\u8bdd\uff1a", None))
        self.authorityHint.setText(QCoreApplication.translate("SettingsDialog", u"\u672c\u673a\u5173\u7ba1\u8f96\u7684\u5730\u57df\u51b3\u5b9a\u300a\u76f4\u64ad\u7535\u5546\u76d1\u7763\u7ba1\u7406\u529e\u6cd5\u300b\u7b2c\u56db\u5341\u4e03\u6761\u4e0b\u7684\u7ba1\u8f96\u6743\u5224\u65ad\uff1b\u673a\u5173\u4ee3\u5b57\u51fa\u73b0\u5728\u6bcf\u4e00\u4efd\u6587\u4e66\u7684\u6587\u53f7\u4e2d\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.authorityTab), QCoreApplication.translate("SettingsDialog", u"\u672c\u673a\u5173", None))
        self.officerNameLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u59d3\u540d\uff1a", None))
        self.badgeLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u6267\u6cd5\u8bc1\u53f7\uff1a", None))
        self.roleLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u89d2\u8272\uff1a", None))
        self.activeLabel.setText(QCoreApplication.translate("SettingsDialog", u"\u72b6\u6001\uff1a", None))
        self.activeCheck.setText(QCoreApplication.translate("SettingsDialog", u"\u5728\u5c97\uff08\u53ef\u767b\u5f55\u3001\u53ef\u627f\u529e\u6848\u4ef6\uff09", None))
        self.newOfficerButton.setText(QCoreApplication.translate("SettingsDialog", u"\u65b0\u589e\u4eba\u5458", None))
        self.saveOfficerButton.setText(QCoreApplication.translate("SettingsDialog", u"\u4fdd\u5b58\u4eba\u5458", None))
        self.tabs.setTabText(self.tabs.indexOf(self.officersTab), QCoreApplication.translate("SettingsDialog", u"\u6267\u6cd5\u4eba\u5458", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("SettingsDialog", u"color: #b00020;", None))
    # retranslateUi

