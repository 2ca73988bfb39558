# Generated from forms/officer_sign_in.ui by tools/build_forms.py — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'officer_sign_in.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_OfficerSignInDialog(object):
    def setupUi(self, OfficerSignInDialog):
        if not OfficerSignInDialog.objectName():
            OfficerSignInDialog.setObjectName(u"OfficerSignInDialog")
        OfficerSignInDialog.resize(480, 220)
        self.verticalLayout = QVBoxLayout(OfficerSignInDialog)
        self.verticalLayout.setObjectName(u"verticalLayout")
        self.authorityLabel = QLabel(OfficerSignInDialog)
        self.authorityLabel.setObjectName(u"authorityLabel")
        self.authorityLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.authorityLabel)

        self.promptLabel = QLabel(OfficerSignInDialog)
        self.promptLabel.setObjectName(u"promptLabel")
        self.promptLabel.setWordWrap(True)

        self.verticalLayout.addWidget(self.promptLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.officerLabel = QLabel(OfficerSignInDialog)
        self.officerLabel.setObjectName(u"officerLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.officerLabel)

        self.officerCombo = QComboBox(OfficerSignInDialog)
        self.officerCombo.setObjectName(u"officerCombo")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.officerCombo)


        self.verticalLayout.addLayout(self.formLayout)

        self.verticalSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.verticalLayout.addItem(self.verticalSpacer)

        self.buttonBox = QDialogButtonBox(OfficerSignInDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.verticalLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.officerLabel.setBuddy(self.officerCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficerSignInDialog)

        QMetaObject.connectSlotsByName(OfficerSignInDialog)
    # setupUi

    def retranslateUi(self, OfficerSignInDialog):
        OfficerSignInDialog.setWindowTitle(QCoreApplication.translate("OfficerSignInDialog", u"\u9009\u62e9\u6267\u6cd5\u4eba\u5458", None))
        self.authorityLabel.setText(QCoreApplication.translate("OfficerSignInDialog", u"\u6267\u6cd5\u673a\u5173", None))
        self.promptLabel.setText(QCoreApplication.translate("OfficerSignInDialog", u"\u8bf7\u9009\u62e9\u6b63\u5728\u4f7f\u7528\u672c\u7cfb\u7edf\u7684\u6267\u6cd5\u4eba\u5458\u3002\u6b64\u540e\u7684\u6bcf\u4e00\u9879\u64cd\u4f5c\u90fd\u4f1a\u8bb0\u5f55\u5728\u8be5\u4eba\u5458\u540d\u4e0b\u3002", None))
        self.officerLabel.setText(QCoreApplication.translate("OfficerSignInDialog", u"\u6267\u6cd5\u4eba\u5458(&O)\uff1a", None))
    # retranslateUi

