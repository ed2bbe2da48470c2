# Generated from ui/learning_capture_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'learning_capture_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_LearningCaptureDialog(object):
    def setupUi(self, LearningCaptureDialog):
        if not LearningCaptureDialog.objectName():
            LearningCaptureDialog.setObjectName(u"LearningCaptureDialog")
        LearningCaptureDialog.setMinimumSize(QSize(560, 0))
        self.layout = QVBoxLayout(LearningCaptureDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(LearningCaptureDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.operationCaption = QLabel(LearningCaptureDialog)
        self.operationCaption.setObjectName(u"operationCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.operationCaption)

        self.operationEdit = QLineEdit(LearningCaptureDialog)
        self.operationEdit.setObjectName(u"operationEdit")
        self.operationEdit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.operationEdit)

        self.dateCaption = QLabel(LearningCaptureDialog)
        self.dateCaption.setObjectName(u"dateCaption")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateCaption)

        self.dateEdit = QDateEdit(LearningCaptureDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.learningCaption = QLabel(LearningCaptureDialog)
        self.learningCaption.setObjectName(u"learningCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.learningCaption)

        self.learningEdit = QPlainTextEdit(LearningCaptureDialog)
        self.learningEdit.setObjectName(u"learningEdit")
        self.learningEdit.setMaximumSize(QSize(16777215, 120))
        self.learningEdit.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.learningEdit)

        self.ownerCaption = QLabel(LearningCaptureDialog)
        self.ownerCaption.setObjectName(u"ownerCaption")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ownerCaption)

        self.ownerEdit = QLineEdit(LearningCaptureDialog)
        self.ownerEdit.setObjectName(u"ownerEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.ownerEdit)

        self.hubCaption = QLabel(LearningCaptureDialog)
        self.hubCaption.setObjectName(u"hubCaption")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.hubCaption)

        self.hubCombo = QComboBox(LearningCaptureDialog)
        self.hubCombo.setObjectName(u"hubCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.hubCombo)


        self.layout.addLayout(self.form)

        self.similarCaption = QLabel(LearningCaptureDialog)
        self.similarCaption.setObjectName(u"similarCaption")

        self.layout.addWidget(self.similarCaption)

        self.similarList = QListWidget(LearningCaptureDialog)
        self.similarList.setObjectName(u"similarList")
        self.similarList.setMaximumSize(QSize(16777215, 190))

        self.layout.addWidget(self.similarList)

        self.errorLabel = QLabel(LearningCaptureDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c0392b;")

        self.layout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(LearningCaptureDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Save)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.operationCaption.setBuddy(self.operationEdit)
        self.dateCaption.setBuddy(self.dateEdit)
        self.learningCaption.setBuddy(self.learningEdit)
        self.ownerCaption.setBuddy(self.ownerEdit)
        self.hubCaption.setBuddy(self.hubCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.operationEdit, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.learningEdit)
        QWidget.setTabOrder(self.learningEdit, self.ownerEdit)
        QWidget.setTabOrder(self.ownerEdit, self.hubCombo)
        QWidget.setTabOrder(self.hubCombo, self.similarList)

        self.retranslateUi(LearningCaptureDialog)

        QMetaObject.connectSlotsByName(LearningCaptureDialog)
    # setupUi

    def retranslateUi(self, LearningCaptureDialog):
        LearningCaptureDialog.setWindowTitle(QCoreApplication.translate("LearningCaptureDialog", u"Log Gold Group learning", None))
        self.introLabel.setText(QCoreApplication.translate("LearningCaptureDialog", u"Record the learning the Gold Group identified. The CPIC team triages it later: no action, a new recommendation, or merged into an existing one.", None))
        self.operationCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"&Operation or incident:", None))
#if QT_CONFIG(accessibility)
        self.operationEdit.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Operation or incident", None))
#endif // QT_CONFIG(accessibility)
        self.operationEdit.setPlaceholderText(QCoreApplication.translate("LearningCaptureDialog", u"e.g. Operation Kestrel", None))
        self.dateCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"Incident &date:", None))
#if QT_CONFIG(accessibility)
        self.dateEdit.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Incident date", None))
#endif // QT_CONFIG(accessibility)
        self.dateEdit.setDisplayFormat(QCoreApplication.translate("LearningCaptureDialog", u"dd MMM yyyy", None))
        self.learningCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"&Learning identified:", None))
#if QT_CONFIG(accessibility)
        self.learningEdit.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Learning identified", None))
#endif // QT_CONFIG(accessibility)
        self.learningEdit.setPlaceholderText(QCoreApplication.translate("LearningCaptureDialog", u"What should change, and why (one or two sentences)", None))
        self.ownerCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"Suggested &owner:", None))
#if QT_CONFIG(accessibility)
        self.ownerEdit.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Suggested owner", None))
#endif // QT_CONFIG(accessibility)
        self.ownerEdit.setPlaceholderText(QCoreApplication.translate("LearningCaptureDialog", u"optional", None))
        self.hubCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"Suggested &hub:", None))
#if QT_CONFIG(accessibility)
        self.hubCombo.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Suggested hub", None))
#endif // QT_CONFIG(accessibility)
        self.similarCaption.setText(QCoreApplication.translate("LearningCaptureDialog", u"Similar existing recommendations:", None))
#if QT_CONFIG(accessibility)
        self.similarList.setAccessibleName(QCoreApplication.translate("LearningCaptureDialog", u"Similar existing recommendations", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
    # retranslateUi

