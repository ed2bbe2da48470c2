# Generated from ui/convert_learning_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'convert_learning_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ConvertLearningDialog(object):
    def setupUi(self, ConvertLearningDialog):
        if not ConvertLearningDialog.objectName():
            ConvertLearningDialog.setObjectName(u"ConvertLearningDialog")
        ConvertLearningDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(ConvertLearningDialog)
        self.layout.setObjectName(u"layout")
        self.introLabel = QLabel(ConvertLearningDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.layout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.textCaption = QLabel(ConvertLearningDialog)
        self.textCaption.setObjectName(u"textCaption")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.textCaption)

        self.textEdit = QPlainTextEdit(ConvertLearningDialog)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.targetCheck = QCheckBox(ConvertLearningDialog)
        self.targetCheck.setObjectName(u"targetCheck")
        self.targetCheck.setChecked(True)

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.targetCheck)

        self.targetEdit = QDateEdit(ConvertLearningDialog)
        self.targetEdit.setObjectName(u"targetEdit")
        self.targetEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.targetEdit)

        self.actionsCaption = QLabel(ConvertLearningDialog)
        self.actionsCaption.setObjectName(u"actionsCaption")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.actionsCaption)

        self.actionsEdit = QPlainTextEdit(ConvertLearningDialog)
        self.actionsEdit.setObjectName(u"actionsEdit")
        self.actionsEdit.setTabChangesFocus(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.actionsEdit)


        self.layout.addLayout(self.form)

        self.buttonBox = QDialogButtonBox(ConvertLearningDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.textCaption.setBuddy(self.textEdit)
        self.actionsCaption.setBuddy(self.actionsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.textEdit, self.targetCheck)
        QWidget.setTabOrder(self.targetCheck, self.targetEdit)
        QWidget.setTabOrder(self.targetEdit, self.actionsEdit)

        self.retranslateUi(ConvertLearningDialog)
        self.targetCheck.toggled.connect(self.targetEdit.setEnabled)
        self.buttonBox.accepted.connect(ConvertLearningDialog.accept)
        self.buttonBox.rejected.connect(ConvertLearningDialog.reject)

        QMetaObject.connectSlotsByName(ConvertLearningDialog)
    # setupUi

    def retranslateUi(self, ConvertLearningDialog):
        ConvertLearningDialog.setWindowTitle(QCoreApplication.translate("ConvertLearningDialog", u"Convert to a recommendation", None))
        self.introLabel.setText(QCoreApplication.translate("ConvertLearningDialog", u"The learning becomes a learning point under the operation's Gold Group document. The entry and the recommendation stay linked both ways.", None))
        self.textCaption.setText(QCoreApplication.translate("ConvertLearningDialog", u"&Recommendation:", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("ConvertLearningDialog", u"Recommendation text", None))
#endif // QT_CONFIG(accessibility)
        self.targetCheck.setText(QCoreApplication.translate("ConvertLearningDialog", u"&Target date:", None))
#if QT_CONFIG(accessibility)
        self.targetEdit.setAccessibleName(QCoreApplication.translate("ConvertLearningDialog", u"Target date", None))
#endif // QT_CONFIG(accessibility)
        self.targetEdit.setDisplayFormat(QCoreApplication.translate("ConvertLearningDialog", u"dd MMM yyyy", None))
        self.actionsCaption.setText(QCoreApplication.translate("ConvertLearningDialog", u"&Actions (one a line):", None))
#if QT_CONFIG(accessibility)
        self.actionsEdit.setAccessibleName(QCoreApplication.translate("ConvertLearningDialog", u"Actions, one a line", None))
#endif // QT_CONFIG(accessibility)
        self.actionsEdit.setPlaceholderText(QCoreApplication.translate("ConvertLearningDialog", u"One action a line, e.g.\n"
"Brief all custody sergeants on rousing checks", None))
    # retranslateUi

