# Generated from forms/party_dialog.ui by tools/build_forms.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'party_dialog.ui'
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

class Ui_PartyDialog(object):
    def setupUi(self, PartyDialog):
        if not PartyDialog.objectName():
            PartyDialog.setObjectName(u"PartyDialog")
        PartyDialog.resize(720, 520)
        self.mainLayout = QVBoxLayout(PartyDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(PartyDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicForm = QFormLayout(self.basicTab)
        self.basicForm.setObjectName(u"basicForm")
        self.kindLabel = QLabel(self.basicTab)
        self.kindLabel.setObjectName(u"kindLabel")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.basicTab)
        self.kindCombo.setObjectName(u"kindCombo")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.nameLabel = QLabel(self.basicTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.basicTab)
        self.nameEdit.setObjectName(u"nameEdit")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.rolesLabel = QLabel(self.basicTab)
        self.rolesLabel.setObjectName(u"rolesLabel")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.rolesLabel)

        self.rolesLayout = QHBoxLayout()
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.platformCheck = QCheckBox(self.basicTab)
        self.platformCheck.setObjectName(u"platformCheck")

        self.rolesLayout.addWidget(self.platformCheck)

        self.roomCheck = QCheckBox(self.basicTab)
        self.roomCheck.setObjectName(u"roomCheck")

        self.rolesLayout.addWidget(self.roomCheck)

        self.marketerCheck = QCheckBox(self.basicTab)
        self.marketerCheck.setObjectName(u"marketerCheck")

        self.rolesLayout.addWidget(self.marketerCheck)

        self.agencyCheck = QCheckBox(self.basicTab)
        self.agencyCheck.setObjectName(u"agencyCheck")

        self.rolesLayout.addWidget(self.agencyCheck)

        self.otherProviderCheck = QCheckBox(self.basicTab)
        self.otherProviderCheck.setObjectName(u"otherProviderCheck")

        self.rolesLayout.addWidget(self.otherProviderCheck)


        self.basicForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.rolesLayout)

        self.channelLabel = QLabel(self.basicTab)
        self.channelLabel.setObjectName(u"channelLabel")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.channelLabel)

        self.channelCombo = QComboBox(self.basicTab)
        self.channelCombo.setObjectName(u"channelCombo")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.channelCombo)

        self.registeredLabel = QLabel(self.basicTab)
        self.registeredLabel.setObjectName(u"registeredLabel")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.registeredLabel)

        self.registeredCheck = QCheckBox(self.basicTab)
        self.registeredCheck.setObjectName(u"registeredCheck")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.registeredCheck)

        self.usccLabel = QLabel(self.basicTab)
        self.usccLabel.setObjectName(u"usccLabel")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.usccLabel)

        self.usccEdit = QLineEdit(self.basicTab)
        self.usccEdit.setObjectName(u"usccEdit")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.usccEdit)

        self.idNumberLabel = QLabel(self.basicTab)
        self.idNumberLabel.setObjectName(u"idNumberLabel")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.idNumberLabel)

        self.idNumberEdit = QLineEdit(self.basicTab)
        self.idNumberEdit.setObjectName(u"idNumberEdit")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.idNumberEdit)

        self.legalRepLabel = QLabel(self.basicTab)
        self.legalRepLabel.setObjectName(u"legalRepLabel")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.legalRepLabel)

        self.legalRepEdit = QLineEdit(self.basicTab)
        self.legalRepEdit.setObjectName(u"legalRepEdit")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.legalRepEdit)

        self.phoneLabel = QLabel(self.basicTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.basicForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phoneEdit = QLineEdit(self.basicTab)
        self.phoneEdit.setObjectName(u"phoneEdit")

        self.basicForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phoneEdit)

        self.emailLabel = QLabel(self.basicTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.emailEdit = QLineEdit(self.basicTab)
        self.emailEdit.setObjectName(u"emailEdit")

        self.basicForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.emailEdit)

        self.tabs.addTab(self.basicTab, "")
        self.placesTab = QWidget()
        self.placesTab.setObjectName(u"placesTab")
        self.placesForm = QFormLayout(self.placesTab)
        self.placesForm.setObjectName(u"placesForm")
        self.domicileRegionLabel = QLabel(self.placesTab)
        self.domicileRegionLabel.setObjectName(u"domicileRegionLabel")

        self.placesForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.domicileRegionLabel)

        self.domicileRegionEdit = QLineEdit(self.placesTab)
        self.domicileRegionEdit.setObjectName(u"domicileRegionEdit")

        self.placesForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.domicileRegionEdit)

        self.domicileAddressLabel = QLabel(self.placesTab)
        self.domicileAddressLabel.setObjectName(u"domicileAddressLabel")

        self.placesForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.domicileAddressLabel)

        self.domicileAddressEdit = QLineEdit(self.placesTab)
        self.domicileAddressEdit.setObjectName(u"domicileAddressEdit")

        self.placesForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.domicileAddressEdit)

        self.householdRegionLabel = QLabel(self.placesTab)
        self.householdRegionLabel.setObjectName(u"householdRegionLabel")

        self.placesForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.householdRegionLabel)

        self.householdRegionEdit = QLineEdit(self.placesTab)
        self.householdRegionEdit.setObjectName(u"householdRegionEdit")

        self.placesForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.householdRegionEdit)

        self.householdAddressLabel = QLabel(self.placesTab)
        self.householdAddressLabel.setObjectName(u"householdAddressLabel")

        self.placesForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.householdAddressLabel)

        self.householdAddressEdit = QLineEdit(self.placesTab)
        self.householdAddressEdit.setObjectName(u"householdAddressEdit")

        self.placesForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.householdAddressEdit)

        self.businessRegionLabel = QLabel(self.placesTab)
        self.businessRegionLabel.setObjectName(u"businessRegionLabel")

        self.placesForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.businessRegionLabel)

        self.businessRegionEdit = QLineEdit(self.placesTab)
        self.businessRegionEdit.setObjectName(u"businessRegionEdit")

        self.placesForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.businessRegionEdit)

        self.businessAddressLabel = QLabel(self.placesTab)
        self.businessAddressLabel.setObjectName(u"businessAddressLabel")

        self.placesForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.businessAddressLabel)

        self.businessAddressEdit = QLineEdit(self.placesTab)
        self.businessAddressEdit.setObjectName(u"businessAddressEdit")

        self.placesForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.businessAddressEdit)

        self.placesHint = QLabel(self.placesTab)
        self.placesHint.setObjectName(u"placesHint")
        self.placesHint.setWordWrap(True)

        self.placesForm.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.placesHint)

        self.tabs.addTab(self.placesTab, "")
        self.accountsTab = QWidget()
        self.accountsTab.setObjectName(u"accountsTab")
        self.accountsLayout = QVBoxLayout(self.accountsTab)
        self.accountsLayout.setObjectName(u"accountsLayout")
        self.accountsTable = QTableWidget(self.accountsTab)
        self.accountsTable.setObjectName(u"accountsTable")

        self.accountsLayout.addWidget(self.accountsTable)

        self.accountButtons = QHBoxLayout()
        self.accountButtons.setObjectName(u"accountButtons")
        self.addAccountButton = QPushButton(self.accountsTab)
        self.addAccountButton.setObjectName(u"addAccountButton")

        self.accountButtons.addWidget(self.addAccountButton)

        self.removeAccountButton = QPushButton(self.accountsTab)
        self.removeAccountButton.setObjectName(u"removeAccountButton")

        self.accountButtons.addWidget(self.removeAccountButton)

        self.accountSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.accountButtons.addItem(self.accountSpacer)


        self.accountsLayout.addLayout(self.accountButtons)

        self.tabs.addTab(self.accountsTab, "")
        self.linksTab = QWidget()
        self.linksTab.setObjectName(u"linksTab")
        self.linksLayout = QVBoxLayout(self.linksTab)
        self.linksLayout.setObjectName(u"linksLayout")
        self.linksHint = QLabel(self.linksTab)
        self.linksHint.setObjectName(u"linksHint")
        self.linksHint.setWordWrap(True)

        self.linksLayout.addWidget(self.linksHint)

        self.linksTable = QTableWidget(self.linksTab)
        self.linksTable.setObjectName(u"linksTable")

        self.linksLayout.addWidget(self.linksTable)

        self.linkButtons = QHBoxLayout()
        self.linkButtons.setObjectName(u"linkButtons")
        self.addLinkButton = QPushButton(self.linksTab)
        self.addLinkButton.setObjectName(u"addLinkButton")

        self.linkButtons.addWidget(self.addLinkButton)

        self.removeLinkButton = QPushButton(self.linksTab)
        self.removeLinkButton.setObjectName(u"removeLinkButton")

        self.linkButtons.addWidget(self.removeLinkButton)

        self.linkSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.linkButtons.addItem(self.linkSpacer)


        self.linksLayout.addLayout(self.linkButtons)

        self.tabs.addTab(self.linksTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(PartyDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(PartyDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.channelLabel.setBuddy(self.channelCombo)
        self.registeredLabel.setBuddy(self.registeredCheck)
        self.usccLabel.setBuddy(self.usccEdit)
        self.idNumberLabel.setBuddy(self.idNumberEdit)
        self.legalRepLabel.setBuddy(self.legalRepEdit)
        self.phoneLabel.setBuddy(self.phoneEdit)
        self.emailLabel.setBuddy(self.emailEdit)
        self.domicileRegionLabel.setBuddy(self.domicileRegionEdit)
        self.domicileAddressLabel.setBuddy(self.domicileAddressEdit)
        self.householdRegionLabel.setBuddy(self.householdRegionEdit)
        self.householdAddressLabel.setBuddy(self.householdAddressEdit)
        self.businessRegionLabel.setBuddy(self.businessRegionEdit)
        self.businessAddressLabel.setBuddy(self.businessAddressEdit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(PartyDialog)

        QMetaObject.connectSlotsByName(PartyDialog)
    # setupUi

    def retranslateUi(self, PartyDialog):
        PartyDialog.setWindowTitle(QCoreApplication.translate("PartyDialog", u"\u5f53\u4e8b\u4eba", None))
        self.kindLabel.setText(QCoreApplication.translate("PartyDialog", u"\u5f53\u4e8b\u4eba\u7c7b\u578b(&K)\uff1a", None))
        self.nameLabel.setText(QCoreApplication.translate("PartyDialog", u"\u540d\u79f0/\u59d3\u540d(&N)\uff1a", None))
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"\u8425\u4e1a\u6267\u7167\u4e0a\u7684\u540d\u79f0\uff0c\u6216\u8eab\u4efd\u8bc1\u4e0a\u7684\u59d3\u540d", None))
        self.rolesLabel.setText(QCoreApplication.translate("PartyDialog", u"\u8eab\u4efd\uff1a", None))
        self.platformCheck.setText(QCoreApplication.translate("PartyDialog", u"\u76f4\u64ad\u7535\u5546\u5e73\u53f0\u7ecf\u8425\u8005", None))
        self.roomCheck.setText(QCoreApplication.translate("PartyDialog", u"\u76f4\u64ad\u95f4\u8fd0\u8425\u8005", None))
        self.marketerCheck.setText(QCoreApplication.translate("PartyDialog", u"\u76f4\u64ad\u8425\u9500\u4eba\u5458", None))
        self.agencyCheck.setText(QCoreApplication.translate("PartyDialog", u"\u670d\u52a1\u673a\u6784", None))
        self.otherProviderCheck.setText(QCoreApplication.translate("PartyDialog", u"\u5176\u4ed6\u7f51\u7edc\u670d\u52a1\u63d0\u4f9b\u8005", None))
        self.channelLabel.setText(QCoreApplication.translate("PartyDialog", u"\u7ecf\u8425\u6e20\u9053\uff1a", None))
        self.registeredLabel.setText(QCoreApplication.translate("PartyDialog", u"\u4e3b\u4f53\u767b\u8bb0\uff1a", None))
        self.registeredCheck.setText(QCoreApplication.translate("PartyDialog", u"\u5df2\u529e\u7406\u7ecf\u8425\u4e3b\u4f53\u767b\u8bb0", None))
        self.usccLabel.setText(QCoreApplication.translate("PartyDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801(&U)\uff1a", None))
        self.usccEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"18\u4f4d", None))
        self.idNumberLabel.setText(QCoreApplication.translate("PartyDialog", u"\u516c\u6c11\u8eab\u4efd\u53f7\u7801(&I)\uff1a", None))
        self.idNumberEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"18\u4f4d\uff1b\u4e2a\u4f53\u5de5\u5546\u6237\u586b\u7ecf\u8425\u8005\u672c\u4eba", None))
        self.legalRepLabel.setText(QCoreApplication.translate("PartyDialog", u"\u6cd5\u5b9a\u4ee3\u8868\u4eba/\u8d1f\u8d23\u4eba\uff1a", None))
        self.phoneLabel.setText(QCoreApplication.translate("PartyDialog", u"\u8054\u7cfb\u7535\u8bdd\uff1a", None))
        self.emailLabel.setText(QCoreApplication.translate("PartyDialog", u"\u7535\u5b50\u90ae\u7bb1\uff1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("PartyDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.domicileRegionLabel.setText(QCoreApplication.translate("PartyDialog", u"\u4f4f\u6240\u5730\u533a\u5212(&D)\uff1a", None))
        self.domicileRegionEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"\u8f93\u5165\u533a\u5212\u4ee3\u7801\u6216\u540d\u79f0\uff0c\u5982 \u897f\u6e56\u533a", None))
        self.domicileAddressLabel.setText(QCoreApplication.translate("PartyDialog", u"\u4f4f\u6240\u5730\u5730\u5740\uff1a", None))
        self.domicileAddressEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"\u81ea\u7136\u4eba\u586b\u7ecf\u5e38\u5c45\u6240", None))
        self.householdRegionLabel.setText(QCoreApplication.translate("PartyDialog", u"\u6237\u7c4d\u5730\u533a\u5212\uff1a", None))
        self.householdRegionEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"\u81ea\u7136\u4eba\u6237\u7c4d\u5730\u4e0e\u7ecf\u5e38\u5c45\u6240\u4e0d\u4e00\u81f4\u65f6\u586b\u5199", None))
        self.householdAddressLabel.setText(QCoreApplication.translate("PartyDialog", u"\u6237\u7c4d\u5730\u5730\u5740\uff1a", None))
        self.businessRegionLabel.setText(QCoreApplication.translate("PartyDialog", u"\u5b9e\u9645\u7ecf\u8425\u5730\u533a\u5212\uff1a", None))
        self.businessRegionEdit.setPlaceholderText(QCoreApplication.translate("PartyDialog", u"\u4e0d\u660e\u7684\u7559\u7a7a", None))
        self.businessAddressLabel.setText(QCoreApplication.translate("PartyDialog", u"\u5b9e\u9645\u7ecf\u8425\u5730\u5730\u5740\uff1a", None))
        self.placesHint.setText(QCoreApplication.translate("PartyDialog", u"\u7ba1\u8f96\u4f9d\u636e\u300a\u76f4\u64ad\u7535\u5546\u76d1\u7763\u7ba1\u7406\u529e\u6cd5\u300b\u7b2c\u56db\u5341\u4e03\u6761\uff0c\u53d6\u51b3\u4e8e\u4f4f\u6240\u5730\u548c\u5b9e\u9645\u7ecf\u8425\u5730\uff0c\u8bf7\u6309\u8bc1\u7167\u548c\u8c03\u67e5\u60c5\u51b5\u586b\u5199\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.placesTab), QCoreApplication.translate("PartyDialog", u"\u4f4f\u6240\u4e0e\u7ecf\u8425\u5730", None))
        self.addAccountButton.setText(QCoreApplication.translate("PartyDialog", u"\u6dfb\u52a0\u8d26\u53f7", None))
        self.removeAccountButton.setText(QCoreApplication.translate("PartyDialog", u"\u5220\u9664\u8d26\u53f7", None))
        self.tabs.setTabText(self.tabs.indexOf(self.accountsTab), QCoreApplication.translate("PartyDialog", u"\u76f4\u64ad\u8d26\u53f7", None))
        self.linksHint.setText(QCoreApplication.translate("PartyDialog", u"\u76f4\u64ad\u8425\u9500\u4eba\u5458\u5173\u8054\u5176\u51fa\u955c\u7684\u76f4\u64ad\u95f4\u8fd0\u8425\u8005\u548c\u6240\u5c5e\u670d\u52a1\u673a\u6784\uff1b\u76f4\u64ad\u95f4\u8fd0\u8425\u8005\u5173\u8054\u5176\u6240\u5728\u7684\u76f4\u64ad\u7535\u5546\u5e73\u53f0\u3002", None))
        self.addLinkButton.setText(QCoreApplication.translate("PartyDialog", u"\u6dfb\u52a0\u5173\u8054\u2026", None))
        self.removeLinkButton.setText(QCoreApplication.translate("PartyDialog", u"\u5220\u9664\u5173\u8054", None))
        self.tabs.setTabText(self.tabs.indexOf(self.linksTab), QCoreApplication.translate("PartyDialog", u"\u5173\u8054\u5f53\u4e8b\u4eba", None))
        self.errorLabel.setStyleSheet(QCoreApplication.translate("PartyDialog", u"color: #b00020;", None))
    # retranslateUi

