# Generated from ui/date_extension_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'date_extension_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_DateExtensionDialog(object):
    def setupUi(self, DateExtensionDialog):
        if not DateExtensionDialog.objectName():
            DateExtensionDialog.setObjectName(u"DateExtensionDialog")
        DateExtensionDialog.setMinimumSize(QSize(420, 0))
        self.layout = QVBoxLayout(DateExtensionDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(DateExtensionDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.currentCaption = QLabel(DateExtensionDialog)
        self.currentCaption.setObjectName(u"currentCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentCaption)

        self.currentLabel = QLabel(DateExtensionDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentLabel)

        self.newDateCaption = QLabel(DateExtensionDialog)
        self.newDateCaption.setObjectName(u"newDateCaption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.newDateCaption)

        self.newDateEdit = QDateEdit(DateExtensionDialog)
        self.newDateEdit.setObjectName(u"newDateEdit")
        self.newDateEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.newDateEdit)

        self.reasonCaption = QLabel(DateExtensionDialog)
        self.reasonCaption.setObjectName(u"reasonCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.reasonCaption)

        self.reasonEdit = QPlainTextEdit(DateExtensionDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.layout.addLayout(self.form)

        self.messageLabel = QLabel(DateExtensionDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.layout.addWidget(self.messageLabel)

        self.buttonBox = QDialogButtonBox(DateExtensionDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.newDateCaption.setBuddy(self.newDateEdit)
        self.reasonCaption.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newDateEdit, self.reasonEdit)

        self.retranslateUi(DateExtensionDialog)

        QMetaObject.connectSlotsByName(DateExtensionDialog)
    # setupUi

    def retranslateUi(self, DateExtensionDialog):
        DateExtensionDialog.setWindowTitle(QCoreApplication.translate("DateExtensionDialog", u"Move a date", None))
        self.introLabel.setText(QCoreApplication.translate("DateExtensionDialog", u"The date moves only with a reason; the old date stays in the history.", None))
        self.currentCaption.setText(QCoreApplication.translate("DateExtensionDialog", u"Current date:", None))
        self.currentLabel.setText(QCoreApplication.translate("DateExtensionDialog", u"\u2014", None))
        self.newDateCaption.setText(QCoreApplication.translate("DateExtensionDialog", u"&New date:", None))
#if QT_CONFIG(accessibility)
        self.newDateEdit.setAccessibleName(QCoreApplication.translate("DateExtensionDialog", u"New date", None))
#endif // QT_CONFIG(accessibility)
        self.newDateEdit.setDisplayFormat(QCoreApplication.translate("DateExtensionDialog", u"dd MMM yyyy", None))
        self.reasonCaption.setText(QCoreApplication.translate("DateExtensionDialog", u"&Reason:", None))
#if QT_CONFIG(accessibility)
        self.reasonEdit.setAccessibleName(QCoreApplication.translate("DateExtensionDialog", u"Reason for the change", None))
#endif // QT_CONFIG(accessibility)
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("DateExtensionDialog", u"e.g. Coroner agreed a 28-day extension on 12 March", None))
        self.messageLabel.setStyleSheet(QCoreApplication.translate("DateExtensionDialog", u"color: #b00020;", None))
        self.messageLabel.setText("")
    # retranslateUi

