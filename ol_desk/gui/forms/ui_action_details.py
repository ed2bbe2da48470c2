# Generated from ui/action_details.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_details.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_ActionDetails(object):
    def setupUi(self, ActionDetails):
        if not ActionDetails.objectName():
            ActionDetails.setObjectName(u"ActionDetails")
        self.columns = QHBoxLayout(ActionDetails)
        self.columns.setObjectName(u"columns")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.leftForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.referenceEditLabel = QLabel(ActionDetails)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(ActionDetails)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.titleEditLabel = QLabel(ActionDetails)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QPlainTextEdit(ActionDetails)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setTabChangesFocus(True)
        self.titleEdit.setMinimumSize(QSize(0, 90))

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.ownerComboLabel = QLabel(ActionDetails)
        self.ownerComboLabel.setObjectName(u"ownerComboLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.ownerComboLabel)

        self.ownerCombo = QComboBox(ActionDetails)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.hubComboLabel = QLabel(ActionDetails)
        self.hubComboLabel.setObjectName(u"hubComboLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.hubComboLabel)

        self.hubCombo = QComboBox(ActionDetails)
        self.hubCombo.setObjectName(u"hubCombo")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.hubCombo)

        self.percentSpinLabel = QLabel(ActionDetails)
        self.percentSpinLabel.setObjectName(u"percentSpinLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.percentSpinLabel)

        self.percentSpin = QSpinBox(ActionDetails)
        self.percentSpin.setObjectName(u"percentSpin")
        self.percentSpin.setMinimum(-1)
        self.percentSpin.setMaximum(100)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.percentSpin)

        self.notesEditLabel = QLabel(ActionDetails)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(ActionDetails)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMinimumSize(QSize(0, 60))

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.rightForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.dueDateHostLabel = QLabel(ActionDetails)
        self.dueDateHostLabel.setObjectName(u"dueDateHostLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dueDateHostLabel)

        self.dueDateHost = QWidget(ActionDetails)
        self.dueDateHost.setObjectName(u"dueDateHost")
        self.dueDateHostLayout = QVBoxLayout(self.dueDateHost)
        self.dueDateHostLayout.setObjectName(u"dueDateHostLayout")
        self.dueDateHostLayout.setContentsMargins(0, 0, 0, 0)

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dueDateHost)

        self.statusLabelLabel = QLabel(ActionDetails)
        self.statusLabelLabel.setObjectName(u"statusLabelLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.statusLabelLabel)

        self.statusLabel = QLabel(ActionDetails)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.statusLabel.setWordWrap(True)

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.statusLabel)

        self.completedLabelLabel = QLabel(ActionDetails)
        self.completedLabelLabel.setObjectName(u"completedLabelLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.completedLabelLabel)

        self.completedLabel = QLabel(ActionDetails)
        self.completedLabel.setObjectName(u"completedLabel")
        self.completedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.completedLabel.setWordWrap(True)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.completedLabel)

        self.cancelLabelLabel = QLabel(ActionDetails)
        self.cancelLabelLabel.setObjectName(u"cancelLabelLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cancelLabelLabel)

        self.cancelLabel = QLabel(ActionDetails)
        self.cancelLabel.setObjectName(u"cancelLabel")
        self.cancelLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.cancelLabel.setWordWrap(True)

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cancelLabel)

        self.embeddedLabelLabel = QLabel(ActionDetails)
        self.embeddedLabelLabel.setObjectName(u"embeddedLabelLabel")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.embeddedLabelLabel)

        self.embeddedLabel = QLabel(ActionDetails)
        self.embeddedLabel.setObjectName(u"embeddedLabel")
        self.embeddedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.embeddedLabel.setWordWrap(True)

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.embeddedLabel)

        self.lastUpdateLabelLabel = QLabel(ActionDetails)
        self.lastUpdateLabelLabel.setObjectName(u"lastUpdateLabelLabel")

        self.rightForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.lastUpdateLabelLabel)

        self.lastUpdateLabel = QLabel(ActionDetails)
        self.lastUpdateLabel.setObjectName(u"lastUpdateLabel")
        self.lastUpdateLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.lastUpdateLabel.setWordWrap(True)

        self.rightForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.lastUpdateLabel)


        self.columns.addLayout(self.rightForm)

#if QT_CONFIG(shortcut)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.ownerComboLabel.setBuddy(self.ownerCombo)
        self.hubComboLabel.setBuddy(self.hubCombo)
        self.percentSpinLabel.setBuddy(self.percentSpin)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.hubCombo)
        QWidget.setTabOrder(self.hubCombo, self.percentSpin)
        QWidget.setTabOrder(self.percentSpin, self.notesEdit)

        self.retranslateUi(ActionDetails)

        QMetaObject.connectSlotsByName(ActionDetails)
    # setupUi

    def retranslateUi(self, ActionDetails):
        ActionDetails.setWindowTitle(QCoreApplication.translate("ActionDetails", u"Action", None))
        self.referenceEditLabel.setText(QCoreApplication.translate("ActionDetails", u"Re&ference:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("ActionDetails", u"e.g. NW-001", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.titleEditLabel.setText(QCoreApplication.translate("ActionDetails", u"&Work to do:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Work to do", None))
#endif // QT_CONFIG(accessibility)
        self.ownerComboLabel.setText(QCoreApplication.translate("ActionDetails", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.hubComboLabel.setText(QCoreApplication.translate("ActionDetails", u"&Hub:", None))
#if QT_CONFIG(accessibility)
        self.hubCombo.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Hub", None))
#endif // QT_CONFIG(accessibility)
        self.percentSpinLabel.setText(QCoreApplication.translate("ActionDetails", u"% &complete:", None))
        self.percentSpin.setSpecialValueText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
        self.percentSpin.setSuffix(QCoreApplication.translate("ActionDetails", u" %", None))
#if QT_CONFIG(accessibility)
        self.percentSpin.setAccessibleName(QCoreApplication.translate("ActionDetails", u"% complete", None))
#endif // QT_CONFIG(accessibility)
        self.notesEditLabel.setText(QCoreApplication.translate("ActionDetails", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.dueDateHostLabel.setText(QCoreApplication.translate("ActionDetails", u"Due date:", None))
#if QT_CONFIG(accessibility)
        self.dueDateHost.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Due date", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabelLabel.setText(QCoreApplication.translate("ActionDetails", u"Status:", None))
        self.statusLabel.setText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.completedLabelLabel.setText(QCoreApplication.translate("ActionDetails", u"Completed:", None))
        self.completedLabel.setText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.completedLabel.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Completed", None))
#endif // QT_CONFIG(accessibility)
        self.cancelLabelLabel.setText(QCoreApplication.translate("ActionDetails", u"Cancel reason:", None))
        self.cancelLabel.setText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.cancelLabel.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Cancel reason", None))
#endif // QT_CONFIG(accessibility)
        self.embeddedLabelLabel.setText(QCoreApplication.translate("ActionDetails", u"Embedded:", None))
        self.embeddedLabel.setText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.embeddedLabel.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Embedded", None))
#endif // QT_CONFIG(accessibility)
        self.lastUpdateLabelLabel.setText(QCoreApplication.translate("ActionDetails", u"Last update:", None))
        self.lastUpdateLabel.setText(QCoreApplication.translate("ActionDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.lastUpdateLabel.setAccessibleName(QCoreApplication.translate("ActionDetails", u"Last update", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

