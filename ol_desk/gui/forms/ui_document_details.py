# Generated from ui/document_details.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'document_details.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_DocumentDetails(object):
    def setupUi(self, DocumentDetails):
        if not DocumentDetails.objectName():
            DocumentDetails.setObjectName(u"DocumentDetails")
        self.columns = QHBoxLayout(DocumentDetails)
        self.columns.setObjectName(u"columns")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.leftForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.kindComboLabel = QLabel(DocumentDetails)
        self.kindComboLabel.setObjectName(u"kindComboLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindComboLabel)

        self.kindCombo = QComboBox(DocumentDetails)
        self.kindCombo.setObjectName(u"kindCombo")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.referenceEditLabel = QLabel(DocumentDetails)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(DocumentDetails)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.titleEditLabel = QLabel(DocumentDetails)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(DocumentDetails)
        self.titleEdit.setObjectName(u"titleEdit")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.issuingBodyEditLabel = QLabel(DocumentDetails)
        self.issuingBodyEditLabel.setObjectName(u"issuingBodyEditLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.issuingBodyEditLabel)

        self.issuingBodyEdit = QLineEdit(DocumentDetails)
        self.issuingBodyEdit.setObjectName(u"issuingBodyEdit")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.issuingBodyEdit)

        self.linkEditLabel = QLabel(DocumentDetails)
        self.linkEditLabel.setObjectName(u"linkEditLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.linkEditLabel)

        self.linkEdit = QLineEdit(DocumentDetails)
        self.linkEdit.setObjectName(u"linkEdit")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.linkEdit)

        self.notesEditLabel = QLabel(DocumentDetails)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(DocumentDetails)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMinimumSize(QSize(0, 60))

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.rightForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.dateIssuedEditLabel = QLabel(DocumentDetails)
        self.dateIssuedEditLabel.setObjectName(u"dateIssuedEditLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateIssuedEditLabel)

        self.dateIssuedEdit = QDateEdit(DocumentDetails)
        self.dateIssuedEdit.setObjectName(u"dateIssuedEdit")
        self.dateIssuedEdit.setCalendarPopup(True)

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateIssuedEdit)

        self.responseDueHostLabel = QLabel(DocumentDetails)
        self.responseDueHostLabel.setObjectName(u"responseDueHostLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.responseDueHostLabel)

        self.responseDueHost = QWidget(DocumentDetails)
        self.responseDueHost.setObjectName(u"responseDueHost")
        self.responseDueHostLayout = QVBoxLayout(self.responseDueHost)
        self.responseDueHostLayout.setObjectName(u"responseDueHostLayout")
        self.responseDueHostLayout.setContentsMargins(0, 0, 0, 0)

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.responseDueHost)

        self.clockLabelLabel = QLabel(DocumentDetails)
        self.clockLabelLabel.setObjectName(u"clockLabelLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.clockLabelLabel)

        self.clockLabel = QLabel(DocumentDetails)
        self.clockLabel.setObjectName(u"clockLabel")
        self.clockLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.clockLabel.setWordWrap(True)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.clockLabel)

        self.responseSentEditLabel = QLabel(DocumentDetails)
        self.responseSentEditLabel.setObjectName(u"responseSentEditLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.responseSentEditLabel)

        self.responseSentEdit = QDateEdit(DocumentDetails)
        self.responseSentEdit.setObjectName(u"responseSentEdit")
        self.responseSentEdit.setCalendarPopup(True)

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.responseSentEdit)


        self.columns.addLayout(self.rightForm)

#if QT_CONFIG(shortcut)
        self.kindComboLabel.setBuddy(self.kindCombo)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.issuingBodyEditLabel.setBuddy(self.issuingBodyEdit)
        self.linkEditLabel.setBuddy(self.linkEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
        self.dateIssuedEditLabel.setBuddy(self.dateIssuedEdit)
        self.responseSentEditLabel.setBuddy(self.responseSentEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindCombo, self.referenceEdit)
        QWidget.setTabOrder(self.referenceEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.issuingBodyEdit)
        QWidget.setTabOrder(self.issuingBodyEdit, self.linkEdit)
        QWidget.setTabOrder(self.linkEdit, self.notesEdit)
        QWidget.setTabOrder(self.notesEdit, self.dateIssuedEdit)
        QWidget.setTabOrder(self.dateIssuedEdit, self.responseSentEdit)

        self.retranslateUi(DocumentDetails)

        QMetaObject.connectSlotsByName(DocumentDetails)
    # setupUi

    def retranslateUi(self, DocumentDetails):
        DocumentDetails.setWindowTitle(QCoreApplication.translate("DocumentDetails", u"Source document", None))
        self.kindComboLabel.setText(QCoreApplication.translate("DocumentDetails", u"&Kind:", None))
#if QT_CONFIG(accessibility)
        self.kindCombo.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Kind", None))
#endif // QT_CONFIG(accessibility)
        self.referenceEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"Re&ference:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("DocumentDetails", u"e.g. 2025-0241, IX/1932/20", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.titleEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.issuingBodyEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"Issuing &body:", None))
        self.issuingBodyEdit.setPlaceholderText(QCoreApplication.translate("DocumentDetails", u"e.g. HM Senior Coroner for Inner North London", None))
#if QT_CONFIG(accessibility)
        self.issuingBodyEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Issuing body", None))
#endif // QT_CONFIG(accessibility)
        self.linkEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"&Link:", None))
        self.linkEdit.setPlaceholderText(QCoreApplication.translate("DocumentDetails", u"https://\u2026", None))
#if QT_CONFIG(accessibility)
        self.linkEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Link", None))
#endif // QT_CONFIG(accessibility)
        self.notesEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.dateIssuedEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"Date &issued:", None))
        self.dateIssuedEdit.setDisplayFormat(QCoreApplication.translate("DocumentDetails", u"dd MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.dateIssuedEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Date issued", None))
#endif // QT_CONFIG(accessibility)
        self.responseDueHostLabel.setText(QCoreApplication.translate("DocumentDetails", u"Response due:", None))
#if QT_CONFIG(accessibility)
        self.responseDueHost.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Response due", None))
#endif // QT_CONFIG(accessibility)
        self.clockLabelLabel.setText(QCoreApplication.translate("DocumentDetails", u"Statutory clock:", None))
        self.clockLabel.setText(QCoreApplication.translate("DocumentDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.clockLabel.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Statutory clock", None))
#endif // QT_CONFIG(accessibility)
        self.responseSentEditLabel.setText(QCoreApplication.translate("DocumentDetails", u"Response s&ent:", None))
        self.responseSentEdit.setDisplayFormat(QCoreApplication.translate("DocumentDetails", u"dd MMM yyyy", None))
#if QT_CONFIG(accessibility)
        self.responseSentEdit.setAccessibleName(QCoreApplication.translate("DocumentDetails", u"Response sent", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

