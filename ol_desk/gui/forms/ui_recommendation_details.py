# Generated from ui/recommendation_details.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'recommendation_details.ui'
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

class Ui_RecommendationDetails(object):
    def setupUi(self, RecommendationDetails):
        if not RecommendationDetails.objectName():
            RecommendationDetails.setObjectName(u"RecommendationDetails")
        self.columns = QHBoxLayout(RecommendationDetails)
        self.columns.setObjectName(u"columns")
        self.leftForm = QFormLayout()
        self.leftForm.setObjectName(u"leftForm")
        self.leftForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.leftForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.documentLabelLabel = QLabel(RecommendationDetails)
        self.documentLabelLabel.setObjectName(u"documentLabelLabel")

        self.leftForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.documentLabelLabel)

        self.documentLabel = QLabel(RecommendationDetails)
        self.documentLabel.setObjectName(u"documentLabel")
        self.documentLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.documentLabel.setWordWrap(True)

        self.leftForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.documentLabel)

        self.referenceEditLabel = QLabel(RecommendationDetails)
        self.referenceEditLabel.setObjectName(u"referenceEditLabel")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.referenceEditLabel)

        self.referenceEdit = QLineEdit(RecommendationDetails)
        self.referenceEdit.setObjectName(u"referenceEdit")

        self.leftForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.referenceEdit)

        self.positionSpinLabel = QLabel(RecommendationDetails)
        self.positionSpinLabel.setObjectName(u"positionSpinLabel")

        self.leftForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.positionSpinLabel)

        self.positionSpin = QSpinBox(RecommendationDetails)
        self.positionSpin.setObjectName(u"positionSpin")
        self.positionSpin.setMinimum(1)
        self.positionSpin.setMaximum(999)

        self.leftForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.positionSpin)

        self.findingTypeComboLabel = QLabel(RecommendationDetails)
        self.findingTypeComboLabel.setObjectName(u"findingTypeComboLabel")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.findingTypeComboLabel)

        self.findingTypeCombo = QComboBox(RecommendationDetails)
        self.findingTypeCombo.setObjectName(u"findingTypeCombo")

        self.leftForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.findingTypeCombo)

        self.titleEditLabel = QLabel(RecommendationDetails)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.leftForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.titleEdit = QLineEdit(RecommendationDetails)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(300)

        self.leftForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.textEditLabel = QLabel(RecommendationDetails)
        self.textEditLabel.setObjectName(u"textEditLabel")

        self.leftForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.textEditLabel)

        self.textEdit = QPlainTextEdit(RecommendationDetails)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        self.textEdit.setMinimumSize(QSize(0, 90))

        self.leftForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.textEdit)

        self.ownerComboLabel = QLabel(RecommendationDetails)
        self.ownerComboLabel.setObjectName(u"ownerComboLabel")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.ownerComboLabel)

        self.ownerCombo = QComboBox(RecommendationDetails)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.leftForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.ownerCombo)

        self.responsePositionComboLabel = QLabel(RecommendationDetails)
        self.responsePositionComboLabel.setObjectName(u"responsePositionComboLabel")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.responsePositionComboLabel)

        self.responsePositionCombo = QComboBox(RecommendationDetails)
        self.responsePositionCombo.setObjectName(u"responsePositionCombo")

        self.leftForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.responsePositionCombo)

        self.responseRationaleEditLabel = QLabel(RecommendationDetails)
        self.responseRationaleEditLabel.setObjectName(u"responseRationaleEditLabel")

        self.leftForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.responseRationaleEditLabel)

        self.responseRationaleEdit = QPlainTextEdit(RecommendationDetails)
        self.responseRationaleEdit.setObjectName(u"responseRationaleEdit")
        self.responseRationaleEdit.setTabChangesFocus(True)
        self.responseRationaleEdit.setMinimumSize(QSize(0, 60))

        self.leftForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.responseRationaleEdit)

        self.notesEditLabel = QLabel(RecommendationDetails)
        self.notesEditLabel.setObjectName(u"notesEditLabel")

        self.leftForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.notesEditLabel)

        self.notesEdit = QPlainTextEdit(RecommendationDetails)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setTabChangesFocus(True)
        self.notesEdit.setMinimumSize(QSize(0, 60))

        self.leftForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.notesEdit)


        self.columns.addLayout(self.leftForm)

        self.rightForm = QFormLayout()
        self.rightForm.setObjectName(u"rightForm")
        self.rightForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.rightForm.setLabelAlignment(Qt.AlignRight|Qt.AlignTop|Qt.AlignTrailing)
        self.hubsHostLabel = QLabel(RecommendationDetails)
        self.hubsHostLabel.setObjectName(u"hubsHostLabel")

        self.rightForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.hubsHostLabel)

        self.hubsHost = QWidget(RecommendationDetails)
        self.hubsHost.setObjectName(u"hubsHost")
        self.hubsHostLayout = QVBoxLayout(self.hubsHost)
        self.hubsHostLayout.setObjectName(u"hubsHostLayout")
        self.hubsHostLayout.setContentsMargins(0, 0, 0, 0)

        self.rightForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.hubsHost)

        self.themesHostLabel = QLabel(RecommendationDetails)
        self.themesHostLabel.setObjectName(u"themesHostLabel")

        self.rightForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.themesHostLabel)

        self.themesHost = QWidget(RecommendationDetails)
        self.themesHost.setObjectName(u"themesHost")
        self.themesHostLayout = QVBoxLayout(self.themesHost)
        self.themesHostLayout.setObjectName(u"themesHostLayout")
        self.themesHostLayout.setContentsMargins(0, 0, 0, 0)

        self.rightForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.themesHost)

        self.targetDateHostLabel = QLabel(RecommendationDetails)
        self.targetDateHostLabel.setObjectName(u"targetDateHostLabel")

        self.rightForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.targetDateHostLabel)

        self.targetDateHost = QWidget(RecommendationDetails)
        self.targetDateHost.setObjectName(u"targetDateHost")
        self.targetDateHostLayout = QVBoxLayout(self.targetDateHost)
        self.targetDateHostLayout.setObjectName(u"targetDateHostLayout")
        self.targetDateHostLayout.setContentsMargins(0, 0, 0, 0)

        self.rightForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.targetDateHost)

        self.statusLabelLabel = QLabel(RecommendationDetails)
        self.statusLabelLabel.setObjectName(u"statusLabelLabel")

        self.rightForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabelLabel)

        self.statusLabel = QLabel(RecommendationDetails)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.statusLabel.setWordWrap(True)

        self.rightForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.statusLabel)

        self.boardLabelLabel = QLabel(RecommendationDetails)
        self.boardLabelLabel.setObjectName(u"boardLabelLabel")

        self.rightForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.boardLabelLabel)

        self.boardLabel = QLabel(RecommendationDetails)
        self.boardLabel.setObjectName(u"boardLabel")
        self.boardLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.boardLabel.setWordWrap(True)

        self.rightForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.boardLabel)

        self.closedLabelLabel = QLabel(RecommendationDetails)
        self.closedLabelLabel.setObjectName(u"closedLabelLabel")

        self.rightForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.closedLabelLabel)

        self.closedLabel = QLabel(RecommendationDetails)
        self.closedLabel.setObjectName(u"closedLabel")
        self.closedLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.closedLabel.setWordWrap(True)

        self.rightForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.closedLabel)

        self.supersededLabelLabel = QLabel(RecommendationDetails)
        self.supersededLabelLabel.setObjectName(u"supersededLabelLabel")

        self.rightForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.supersededLabelLabel)

        self.supersededLabel = QLabel(RecommendationDetails)
        self.supersededLabel.setObjectName(u"supersededLabel")
        self.supersededLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.supersededLabel.setWordWrap(True)

        self.rightForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.supersededLabel)

        self.lastUpdateLabelLabel = QLabel(RecommendationDetails)
        self.lastUpdateLabelLabel.setObjectName(u"lastUpdateLabelLabel")

        self.rightForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.lastUpdateLabelLabel)

        self.lastUpdateLabel = QLabel(RecommendationDetails)
        self.lastUpdateLabel.setObjectName(u"lastUpdateLabel")
        self.lastUpdateLabel.setTextInteractionFlags(Qt.TextSelectableByMouse|Qt.TextSelectableByKeyboard)
        self.lastUpdateLabel.setWordWrap(True)

        self.rightForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.lastUpdateLabel)


        self.columns.addLayout(self.rightForm)

#if QT_CONFIG(shortcut)
        self.referenceEditLabel.setBuddy(self.referenceEdit)
        self.positionSpinLabel.setBuddy(self.positionSpin)
        self.findingTypeComboLabel.setBuddy(self.findingTypeCombo)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.textEditLabel.setBuddy(self.textEdit)
        self.ownerComboLabel.setBuddy(self.ownerCombo)
        self.responsePositionComboLabel.setBuddy(self.responsePositionCombo)
        self.responseRationaleEditLabel.setBuddy(self.responseRationaleEdit)
        self.notesEditLabel.setBuddy(self.notesEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.referenceEdit, self.positionSpin)
        QWidget.setTabOrder(self.positionSpin, self.findingTypeCombo)
        QWidget.setTabOrder(self.findingTypeCombo, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.ownerCombo)
        QWidget.setTabOrder(self.ownerCombo, self.responsePositionCombo)
        QWidget.setTabOrder(self.responsePositionCombo, self.responseRationaleEdit)
        QWidget.setTabOrder(self.responseRationaleEdit, self.notesEdit)

        self.retranslateUi(RecommendationDetails)

        QMetaObject.connectSlotsByName(RecommendationDetails)
    # setupUi

    def retranslateUi(self, RecommendationDetails):
        RecommendationDetails.setWindowTitle(QCoreApplication.translate("RecommendationDetails", u"Recommendation", None))
        self.documentLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Source document:", None))
        self.documentLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.documentLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Source document", None))
#endif // QT_CONFIG(accessibility)
        self.referenceEditLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Reference:", None))
        self.referenceEdit.setPlaceholderText(QCoreApplication.translate("RecommendationDetails", u"e.g. R3, CoC 1, 2", None))
#if QT_CONFIG(accessibility)
        self.referenceEdit.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Reference", None))
#endif // QT_CONFIG(accessibility)
        self.positionSpinLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Position:", None))
#if QT_CONFIG(accessibility)
        self.positionSpin.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Position", None))
#endif // QT_CONFIG(accessibility)
        self.findingTypeComboLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Finding type:", None))
#if QT_CONFIG(accessibility)
        self.findingTypeCombo.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Finding type", None))
#endif // QT_CONFIG(accessibility)
        self.titleEditLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.textEditLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Te&xt:", None))
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Text", None))
#endif // QT_CONFIG(accessibility)
        self.ownerComboLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Owner:", None))
#if QT_CONFIG(accessibility)
        self.ownerCombo.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Owner", None))
#endif // QT_CONFIG(accessibility)
        self.responsePositionComboLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Response pos&ition:", None))
#if QT_CONFIG(accessibility)
        self.responsePositionCombo.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Response position", None))
#endif // QT_CONFIG(accessibility)
        self.responseRationaleEditLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Response rationale:", None))
#if QT_CONFIG(accessibility)
        self.responseRationaleEdit.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Response rationale", None))
#endif // QT_CONFIG(accessibility)
        self.notesEditLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Notes:", None))
#if QT_CONFIG(accessibility)
        self.notesEdit.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Notes", None))
#endif // QT_CONFIG(accessibility)
        self.hubsHostLabel.setText(QCoreApplication.translate("RecommendationDetails", u"&Hubs:", None))
#if QT_CONFIG(accessibility)
        self.hubsHost.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Hubs", None))
#endif // QT_CONFIG(accessibility)
        self.themesHostLabel.setText(QCoreApplication.translate("RecommendationDetails", u"The&mes:", None))
#if QT_CONFIG(accessibility)
        self.themesHost.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Themes", None))
#endif // QT_CONFIG(accessibility)
        self.targetDateHostLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Target date:", None))
#if QT_CONFIG(accessibility)
        self.targetDateHost.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Target date", None))
#endif // QT_CONFIG(accessibility)
        self.statusLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Status:", None))
        self.statusLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Status", None))
#endif // QT_CONFIG(accessibility)
        self.boardLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Board decision:", None))
        self.boardLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.boardLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Board decision", None))
#endif // QT_CONFIG(accessibility)
        self.closedLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Closed on:", None))
        self.closedLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.closedLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Closed on", None))
#endif // QT_CONFIG(accessibility)
        self.supersededLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Superseded by:", None))
        self.supersededLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.supersededLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Superseded by", None))
#endif // QT_CONFIG(accessibility)
        self.lastUpdateLabelLabel.setText(QCoreApplication.translate("RecommendationDetails", u"Last update:", None))
        self.lastUpdateLabel.setText(QCoreApplication.translate("RecommendationDetails", u"\u2014", None))
#if QT_CONFIG(accessibility)
        self.lastUpdateLabel.setAccessibleName(QCoreApplication.translate("RecommendationDetails", u"Last update", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

