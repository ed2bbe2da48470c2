# Generated from ui/settings_dialog.ui by `make forms` — do not edit.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QGridLayout, QGroupBox,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_SettingsDialog(object):
    def setupUi(self, SettingsDialog):
        if not SettingsDialog.objectName():
            SettingsDialog.setObjectName(u"SettingsDialog")
        SettingsDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(SettingsDialog)
        self.layout.setObjectName(u"layout")
        self.identityGroup = QGroupBox(SettingsDialog)
        self.identityGroup.setObjectName(u"identityGroup")
        self.identityForm = QFormLayout(self.identityGroup)
        self.identityForm.setObjectName(u"identityForm")
        self.nameLabel = QLabel(self.identityGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.identityForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEdit = QLineEdit(self.identityGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(120)

        self.identityForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.roleLabel = QLabel(self.identityGroup)
        self.roleLabel.setObjectName(u"roleLabel")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.roleCombo = QComboBox(self.identityGroup)
        self.roleCombo.setObjectName(u"roleCombo")

        self.identityForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.roleCombo)

        self.hubLabel = QLabel(self.identityGroup)
        self.hubLabel.setObjectName(u"hubLabel")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.hubLabel)

        self.hubCombo = QComboBox(self.identityGroup)
        self.hubCombo.setObjectName(u"hubCombo")

        self.identityForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.hubCombo)


        self.layout.addWidget(self.identityGroup)

        self.databaseGroup = QGroupBox(SettingsDialog)
        self.databaseGroup.setObjectName(u"databaseGroup")
        self.databaseGrid = QGridLayout(self.databaseGroup)
        self.databaseGrid.setObjectName(u"databaseGrid")
        self.databaseLabel = QLabel(self.databaseGroup)
        self.databaseLabel.setObjectName(u"databaseLabel")

        self.databaseGrid.addWidget(self.databaseLabel, 0, 0, 1, 1)

        self.databaseEdit = QLineEdit(self.databaseGroup)
        self.databaseEdit.setObjectName(u"databaseEdit")

        self.databaseGrid.addWidget(self.databaseEdit, 0, 1, 1, 1)

        self.browseButton = QPushButton(self.databaseGroup)
        self.browseButton.setObjectName(u"browseButton")

        self.databaseGrid.addWidget(self.browseButton, 0, 2, 1, 1)

        self.databaseNote = QLabel(self.databaseGroup)
        self.databaseNote.setObjectName(u"databaseNote")
        self.databaseNote.setWordWrap(True)

        self.databaseGrid.addWidget(self.databaseNote, 1, 1, 1, 2)


        self.layout.addWidget(self.databaseGroup)

        self.appearanceGroup = QGroupBox(SettingsDialog)
        self.appearanceGroup.setObjectName(u"appearanceGroup")
        self.appearanceForm = QFormLayout(self.appearanceGroup)
        self.appearanceForm.setObjectName(u"appearanceForm")
        self.themeLabel = QLabel(self.appearanceGroup)
        self.themeLabel.setObjectName(u"themeLabel")

        self.appearanceForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.themeLabel)

        self.themeCombo = QComboBox(self.appearanceGroup)
        self.themeCombo.setObjectName(u"themeCombo")

        self.appearanceForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.themeCombo)


        self.layout.addWidget(self.appearanceGroup)

        self.problem = QLabel(SettingsDialog)
        self.problem.setObjectName(u"problem")
        self.problem.setWordWrap(True)

        self.layout.addWidget(self.problem)

        self.buttons = QDialogButtonBox(SettingsDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.roleLabel.setBuddy(self.roleCombo)
        self.hubLabel.setBuddy(self.hubCombo)
        self.databaseLabel.setBuddy(self.databaseEdit)
        self.themeLabel.setBuddy(self.themeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.nameEdit, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.hubCombo)
        QWidget.setTabOrder(self.hubCombo, self.databaseEdit)
        QWidget.setTabOrder(self.databaseEdit, self.browseButton)
        QWidget.setTabOrder(self.browseButton, self.themeCombo)
        QWidget.setTabOrder(self.themeCombo, self.buttons)

        self.retranslateUi(SettingsDialog)

        QMetaObject.connectSlotsByName(SettingsDialog)
    # setupUi

    def retranslateUi(self, SettingsDialog):
        SettingsDialog.setWindowTitle(QCoreApplication.translate("SettingsDialog", u"Settings", None))
        self.identityGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Signed in as", None))
        self.nameLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Name", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Your name", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Role", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Your role", None))
#endif // QT_CONFIG(accessibility)
        self.hubLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Hub", None))
#if QT_CONFIG(accessibility)
        self.hubCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Your hub", None))
#endif // QT_CONFIG(accessibility)
        self.databaseGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Database", None))
        self.databaseLabel.setText(QCoreApplication.translate("SettingsDialog", u"&File", None))
#if QT_CONFIG(accessibility)
        self.databaseEdit.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Database file", None))
#endif // QT_CONFIG(accessibility)
        self.databaseEdit.setPlaceholderText(QCoreApplication.translate("SettingsDialog", u"the default location", None))
        self.browseButton.setText(QCoreApplication.translate("SettingsDialog", u"&Browse\u2026", None))
#if QT_CONFIG(accessibility)
        self.browseButton.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Choose the database file", None))
#endif // QT_CONFIG(accessibility)
        self.databaseNote.setText(QCoreApplication.translate("SettingsDialog", u"A different database opens the next time ol-desk starts.", None))
        self.appearanceGroup.setTitle(QCoreApplication.translate("SettingsDialog", u"Appearance", None))
        self.themeLabel.setText(QCoreApplication.translate("SettingsDialog", u"&Theme", None))
#if QT_CONFIG(accessibility)
        self.themeCombo.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"Colour theme", None))
#endif // QT_CONFIG(accessibility)
        self.problem.setText("")
#if QT_CONFIG(accessibility)
        self.problem.setAccessibleName(QCoreApplication.translate("SettingsDialog", u"What is missing", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

