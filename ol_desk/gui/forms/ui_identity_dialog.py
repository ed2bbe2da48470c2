# Generated from ui/identity_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'identity_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
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
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_IdentityDialog(object):
    def setupUi(self, IdentityDialog):
        if not IdentityDialog.objectName():
            IdentityDialog.setObjectName(u"IdentityDialog")
        IdentityDialog.setMinimumSize(QSize(460, 0))
        self.layout = QVBoxLayout(IdentityDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(IdentityDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.nameLabel = QLabel(IdentityDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(IdentityDialog)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(IdentityDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(IdentityDialog)
        self.roleCombo.setObjectName(u"roleCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.hubLabel = QLabel(IdentityDialog)
        self.hubLabel.setObjectName(u"hubLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hubLabel)

        self.hubCombo = QComboBox(IdentityDialog)
        self.hubCombo.setObjectName(u"hubCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hubCombo)


        self.layout.addLayout(self.form)

        self.problem = QLabel(IdentityDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(IdentityDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.hubLabel.setBuddy(self.hubCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.hubCombo)
        QWidget.setTabOrder(self.hubCombo, self.buttons)

        self.retranslateUi(IdentityDialog)

        QMetaObject.connectSlotsByName(IdentityDialog)
    # setupUi

    def retranslateUi(self, IdentityDialog):
        IdentityDialog.setWindowTitle(QCoreApplication.translate("IdentityDialog", u"Who are you?", None))
        self.intro.setText(QCoreApplication.translate("IdentityDialog", u"ol-desk records your name against every change you make. Your role decides which commands you are offered; your hub is where the registers start.", None))
        self.nameLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("IdentityDialog", u"e.g. DS Jo Bloggs", None))
        self.roleLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Your role", None))
#endif // QT_CONFIG(accessibility)
        self.hubLabel.setText(QCoreApplication.translate("IdentityDialog", u"&Hub", None))
#if QT_CONFIG(accessibility)
        self.hubCombo.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"Your hub", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setText("")
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("IdentityDialog", u"What is missing", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

