# Generated from ui/conflict_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'conflict_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_ConflictDialog(object):
    def setupUi(self, ConflictDialog):
        if not ConflictDialog.objectName():
            ConflictDialog.setObjectName(u"ConflictDialog")
        ConflictDialog.setMinimumSize(QSize(560, 320))
        self.layout = QVBoxLayout(ConflictDialog)
        self.layout.setObjectName(u"layout")
        self.messageLabel = QLabel(ConflictDialog)
        self.messageLabel.setObjectName(u"messageLabel")
        self.messageLabel.setWordWrap(True)

        self.layout.addWidget(self.messageLabel)

        self.changesTable = QTableWidget(ConflictDialog)
        if (self.changesTable.columnCount() < 3):
            self.changesTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.changesTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.changesTable.setObjectName(u"changesTable")
        self.changesTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.changesTable.setSelectionMode(QAbstractItemView.NoSelection)
        self.changesTable.setWordWrap(True)
        self.changesTable.horizontalHeader().setStretchLastSection(True)
        self.changesTable.verticalHeader().setVisible(False)

        self.layout.addWidget(self.changesTable)

        self.buttons = QHBoxLayout()
        self.buttons.setObjectName(u"buttons")
        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons.addItem(self.spacer)

        self.reloadButton = QPushButton(ConflictDialog)
        self.reloadButton.setObjectName(u"reloadButton")

        self.buttons.addWidget(self.reloadButton)

        self.keepMineButton = QPushButton(ConflictDialog)
        self.keepMineButton.setObjectName(u"keepMineButton")

        self.buttons.addWidget(self.keepMineButton)

        self.cancelButton = QPushButton(ConflictDialog)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttons.addWidget(self.cancelButton)


        self.layout.addLayout(self.buttons)

        QWidget.setTabOrder(self.keepMineButton, self.reloadButton)
        QWidget.setTabOrder(self.reloadButton, self.cancelButton)

        self.retranslateUi(ConflictDialog)

        self.keepMineButton.setDefault(True)


        QMetaObject.connectSlotsByName(ConflictDialog)
    # setupUi

    def retranslateUi(self, ConflictDialog):
        ConflictDialog.setWindowTitle(QCoreApplication.translate("ConflictDialog", u"Changed by someone else", None))
        self.messageLabel.setText("")
        ___qtablewidgetitem = self.changesTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ConflictDialog", u"Field", None))
        ___qtablewidgetitem1 = self.changesTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ConflictDialog", u"Yours", None))
        ___qtablewidgetitem2 = self.changesTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ConflictDialog", u"Saved now", None))
#if QT_CONFIG(accessibility)
        self.changesTable.setAccessibleName(QCoreApplication.translate("ConflictDialog", u"Your changes and the saved values", None))
#endif // QT_CONFIG(accessibility)
        self.reloadButton.setText(QCoreApplication.translate("ConflictDialog", u"&Reload (discard mine)", None))
#if QT_CONFIG(tooltip)
        self.reloadButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"Show the saved version; your unsaved changes are dropped.", None))
#endif // QT_CONFIG(tooltip)
        self.keepMineButton.setText(QCoreApplication.translate("ConflictDialog", u"&Keep mine", None))
#if QT_CONFIG(tooltip)
        self.keepMineButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"Apply the fields you changed on top of the saved version.", None))
#endif // QT_CONFIG(tooltip)
        self.cancelButton.setText(QCoreApplication.translate("ConflictDialog", u"Decide later", None))
#if QT_CONFIG(tooltip)
        self.cancelButton.setToolTip(QCoreApplication.translate("ConflictDialog", u"Close this and keep editing; nothing is saved or lost.", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

