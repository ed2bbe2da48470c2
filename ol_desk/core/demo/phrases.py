"""What the demo register says: per-theme vocabulary from which finding texts, action titles, progress updates and
completion notes are assembled, so that full-text search and a similar-items finder find meaningful neighbours.

Placeholders in braces are filled from SLOTS when a sentence is made ({borough}, {system}, {role}, {n}, …).
A theme the vocabulary does not know (added by a user) falls back to GENERIC.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ThemePhrases:
    topics: tuple[str, ...]       # noun phrases: "rousing checks on intoxicated detainees"
    problems: tuple[str, ...]     # what was found, as full sentences
    remedies: tuple[str, ...]     # what should be done, as verb phrases after "should"
    actions: tuple[str, ...]      # action titles, imperative
    updates: tuple[str, ...]      # theme-specific progress sentences
    notes: tuple[str, ...]        # completion / embedding notes


SLOTS: dict[str, tuple[str, ...]] = {
    "borough": ("Westminster", "Lambeth", "Southwark", "Croydon", "Hackney", "Tower Hamlets", "Newham", "Brent",
                "Ealing", "Enfield", "Haringey", "Lewisham", "Greenwich", "Barnet", "Camden", "Islington",
                "Wandsworth", "Hillingdon", "Hounslow", "Redbridge", "Bromley", "Sutton", "Havering", "Bexley"),
    "suite": ("Brixton", "Charing Cross", "Croydon", "Lewisham", "Wembley", "Stoke Newington", "Bethnal Green",
              "Colindale", "Leyton", "Walworth", "Sutton", "Heathrow", "Forest Gate", "Wood Green"),
    "system": ("CAD", "Connect", "CRIS", "MERLIN", "the custody record", "NICHE", "the PNC", "STORM",
               "the intelligence system", "the crime report"),
    "role": ("custody sergeants", "detention officers", "response officers", "call handlers",
             "frontline supervisors", "investigating officers", "inspectors", "safeguarding officers",
             "dispatchers", "family liaison officers", "public protection officers", "acting sergeants"),
    "n": ("two", "three", "four", "five", "six", "eight", "ten", "twelve"),
    "minutes": ("15", "20", "30", "60"),
    "months": ("three", "six", "nine", "twelve"),
    "age": tuple(str(a) for a in range(15, 84)),
    "month": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
              "November", "December"),
    "q": ("1", "2", "3", "4"),
    "body": ("the Learning & Development team", "the College of Policing", "the Met Detention OCU",
             "Professional Standards", "the Public Protection OCU", "Met Command and Control", "the local authority",
             "the NHS mental health trust", "London Ambulance Service", "the BCU senior leadership team"),
}

GENERIC = ThemePhrases(
    topics=("supervision and oversight of frontline decisions", "compliance with force policy",
            "recording of decisions and rationale", "learning from serious incidents"),
    problems=("Supervisors did not review the decisions recorded on {system} within the expected time.",
              "Officers were not aware of the relevant force policy and had not been briefed on its changes.",
              "Decisions and their rationale were not recorded, so later reviewers could not follow them.",
              "Learning identified after a similar incident in {borough} had not been shared across the force."),
    remedies=("ensure that supervisors review and record their oversight of these decisions",
              "brief all affected officers and staff on the policy and check their understanding",
              "audit compliance every {months} months and report the results to the Organisational Learning Board",
              "publish the learning force-wide and confirm that each BCU has acted on it"),
    actions=("Brief {role} on the revised policy", "Dip-sample {n} records a month and report findings",
             "Update the intranet guidance and the policy document", "Add the learning to the next CPD day",
             "Report compliance to the Organisational Learning Board"),
    updates=("Briefing material drafted and shared with {role} for comment.",
             "Dip sample of {n} records completed; compliance improving but not yet consistent."),
    notes=("Briefing delivered and recorded; dip sample shows sustained compliance.",
           "Guidance published and supervisors confirmed it is in use."),
)

THEMES: dict[str, ThemePhrases] = {
    "custody": ThemePhrases(
        topics=("rousing checks on intoxicated detainees", "custody risk assessment on booking-in",
                "cell observation levels and CCTV monitoring", "handover between custody sergeants",
                "medical care and healthcare professional referrals in custody"),
        problems=(
            "Rousing checks on a detainee assessed as intoxicated were recorded on {system} as completed when CCTV "
            "at {suite} custody showed the detainee was not roused.",
            "The booking-in risk assessment at {suite} did not record the detainee's recent head injury or the "
            "level of intoxication, and no healthcare professional was called.",
            "Observation levels were not reviewed after the detainee's condition changed, and level 2 checks were "
            "carried out at intervals longer than {minutes} minutes.",
            "The handover between custody sergeants at the change of shift did not pass on the detainee's risk "
            "markers, and the incoming sergeant did not read the custody record.",
            "Detention officers were not confident in the four-point rousing test (rousability, response to "
            "questions, response to commands, pain) and relied on seeing the detainee move.",
            "A detainee's prescribed medication was not given on time because the custody record did not show "
            "when the last dose had been taken."),
        remedies=(
            "ensure that rousing checks on intoxicated detainees follow the four-point test and are recorded "
            "accurately on {system}",
            "review the booking-in risk assessment so that head injury, intoxication and self-harm markers "
            "prompt a referral to a healthcare professional",
            "require custody inspectors to dip-sample cell observation records and CCTV every {months} months",
            "introduce a structured face-to-face handover between custody sergeants at every change of shift",
            "refresh training for {role} on the risks of positional asphyxia and drug swallowing in custody"),
        actions=("Dip-sample rousing checks against CCTV at {suite} custody",
                 "Deliver rousing-check refresher training to detention officers",
                 "Amend the custody risk assessment template on {system}",
                 "Introduce a structured handover checklist for custody sergeants",
                 "Brief custody inspectors on observation level reviews",
                 "Install CCTV playback review at the custody desk in {suite}",
                 "Agree a healthcare professional call-out protocol with the provider"),
        updates=("Dip sample at {suite} found {n} rousing checks recorded without a response from the detainee.",
                 "Custody risk assessment change request raised with the {system} team; awaiting release.",
                 "Handover checklist piloted at {suite} custody for {months} months with good feedback."),
        notes=("All custody suites now use the handover checklist; CCTV audit shows checks carried out as recorded.",
               "Refresher training completed by 94% of detention officers; the rest are booked.")),
    "mental-health": ThemePhrases(
        topics=("the response to mental health crisis calls", "use of section 136 of the Mental Health Act",
                "Right Care, Right Person triage", "joint working with mental health trusts"),
        problems=(
            "The call handler did not identify that the caller was in mental health crisis and graded the call "
            "as a scheduled appointment.",
            "Officers detained a person under section 136 and waited more than {n} hours at a place of safety "
            "because no bed was available.",
            "Under Right Care, Right Person, the call was closed as a health matter without checking whether "
            "there was a real and immediate risk to life.",
            "There was no information-sharing agreement with the mental health trust, so officers did not know "
            "the person had been discharged from hospital the day before.",
            "Officers attending a welfare check in {borough} did not use the street triage line that was "
            "available at the time."),
        remedies=(
            "ensure that call handlers identify mental health crisis and apply the THRIVE assessment correctly",
            "agree with the NHS trusts a protocol for handing over section 136 detainees within {n} hours",
            "review how Right Care, Right Person decisions are recorded, and audit calls closed as health matters",
            "establish information sharing with mental health services for people known to be at risk",
            "train {role} in recognising mental health crisis and in the use of street triage"),
        actions=("Audit {n} calls closed under Right Care, Right Person each month",
                 "Agree the section 136 handover protocol with the NHS trust",
                 "Brief call handlers on THRIVE and mental health crisis indicators",
                 "Publish street triage contact details on the briefing system",
                 "Sign the information-sharing agreement with the mental health trust",
                 "Deliver mental health awareness training to {role}"),
        updates=("Monthly audit of Right Care, Right Person closures: {n} calls re-graded after review.",
                 "Draft section 136 protocol with the trust's legal team; meeting booked.",
                 "Street triage availability extended to weekends in {borough}."),
        notes=("Protocol signed with the trust; section 136 waiting times now reported monthly.",
               "Audit shows THRIVE applied to every crisis call sampled in the last quarter.")),
    "missing": ThemePhrases(
        topics=("risk assessment of missing children", "the response to missing person reports",
                "return home interviews", "repeat missing episodes and exploitation risk"),
        problems=(
            "A missing child was graded as low risk although {system} showed three previous episodes and "
            "intelligence of criminal exploitation.",
            "The missing person report was not reviewed by an inspector within the required time and the risk "
            "grading was not revisited when new information came in.",
            "Return home interviews were not shared with the investigating officer, so the reasons the child went "
            "missing were not understood.",
            "Children reported missing from care homes in {borough} were repeatedly recorded as 'absent' without "
            "a risk assessment.",
            "The initial search plan did not include the child's known associates or the locations named by the "
            "care home."),
        remedies=(
            "ensure that the risk assessment of missing children takes account of previous episodes and "
            "exploitation intelligence",
            "require an inspector to review every high and medium risk missing person report within {n} hours",
            "agree with the local authority how return home interview findings reach the investigating officer",
            "stop the use of the 'absent' category for children and apply the national missing persons guidance",
            "improve search planning so that associates and locations of concern are covered early"),
        actions=("Review the missing person risk assessment form on {system}",
                 "Brief {role} on the national missing persons guidance",
                 "Agree a return home interview sharing protocol with the local authority",
                 "Dip-sample {n} missing children reports a month for risk grading",
                 "Deliver search planning training to PolSA and response supervisors",
                 "Map repeat missing children against exploitation intelligence"),
        updates=("Dip sample found {n} reports where previous episodes were not considered in the grading.",
                 "Return home interview protocol agreed in principle with {borough} children's services.",
                 "Risk assessment form change scheduled for the next {system} release."),
        notes=("Protocol in place in all BCUs; return home interviews now attached to the missing report.",
               "Re-audit shows risk grading considers previous episodes in every case sampled.")),
    "vawg": ThemePhrases(
        topics=("the response to domestic abuse", "DASH risk assessment and MARAC referrals",
                "use of domestic abuse protection orders", "the policing of violence against women and girls"),
        problems=(
            "The DASH risk assessment was completed as standard risk although the victim disclosed strangulation "
            "and escalating threats.",
            "The case met the threshold for a MARAC referral but no referral was made and the victim's "
            "safeguarding plan was not recorded on {system}.",
            "Officers did not consider a domestic violence protection notice after the suspect was released on "
            "bail without conditions.",
            "Repeat calls from the same address in {borough} were not linked, so the escalating pattern of "
            "coercive control was missed.",
            "Body-worn video was not switched on at the domestic abuse incident and the victim's first account "
            "was not captured."),
        remedies=(
            "ensure that DASH risk assessments identify strangulation and escalation as high-risk factors",
            "make sure every case that meets the threshold is referred to MARAC and the referral is recorded",
            "increase the use of domestic abuse protection notices and orders where suspects are released",
            "link repeat domestic abuse calls to the same address so that patterns of coercive control are seen",
            "require body-worn video to record the first account at every domestic abuse incident"),
        actions=("Brief {role} on non-fatal strangulation as a DASH high-risk factor",
                 "Audit MARAC referrals against DASH outcomes for {months} months",
                 "Set up a daily review of suspects released without bail conditions",
                 "Build a repeat-address flag into {system}",
                 "Remind officers of the body-worn video policy at domestic abuse incidents",
                 "Deliver Domestic Abuse Matters training to new {role}"),
        updates=("MARAC audit: {n} cases met the threshold without a referral; supervisors informed.",
                 "Repeat-address flag specified with the {system} team; testing under way.",
                 "Domestic Abuse Matters training delivered to {n} cohorts in {borough}."),
        notes=("MARAC referral rate for high-risk DASH cases now 98% over the last quarter.",
               "Body-worn video compliance at domestic abuse incidents audited at 95%.")),
    "child-protection": ThemePhrases(
        topics=("safeguarding of children at risk of exploitation", "strategy discussions with children's services",
                "the handling of child sexual abuse referrals", "Achieving Best Evidence interviews"),
        problems=(
            "No strategy discussion was held with children's social care although the child had disclosed harm "
            "to a teacher.",
            "Intelligence that the child was being exploited by a county lines network in {borough} was not "
            "shared with the multi-agency safeguarding hub.",
            "The Achieving Best Evidence interview was delayed by {n} weeks and the child withdrew support.",
            "The child was treated as a suspect rather than a victim of exploitation, and the National Referral "
            "Mechanism was not considered."),
        remedies=(
            "ensure that strategy discussions are held and recorded whenever a child discloses harm",
            "share exploitation intelligence with the multi-agency safeguarding hub without delay",
            "reduce delays in Achieving Best Evidence interviews and record the reasons for any delay",
            "make sure officers consider the National Referral Mechanism for exploited children"),
        actions=("Brief {role} on the National Referral Mechanism",
                 "Audit strategy discussion records with children's social care",
                 "Set a target time for Achieving Best Evidence interviews and report against it",
                 "Agree an intelligence-sharing process with the MASH in {borough}",
                 "Deliver child exploitation awareness training to response teams"),
        updates=("Audit of {n} strategy discussions with the local authority completed.",
                 "ABE interview waiting times now reported weekly to the Public Protection OCU."),
        notes=("Exploitation intelligence now shared with the MASH within 24 hours in every case audited.",
               "NRM referrals doubled over {months} months after the briefing.")),
    "stop-search": ThemePhrases(
        topics=("disproportionality in stop and search", "grounds for stop and search",
                "community scrutiny of stop and search", "use of body-worn video during searches"),
        problems=(
            "Black people in {borough} were searched at {n} times the rate of white people and the force could "
            "not explain the difference.",
            "The grounds recorded for searches were weak or generic, such as 'smell of cannabis', in a large "
            "share of the records reviewed.",
            "Supervisors did not review search records or body-worn video to check that grounds were reasonable.",
            "The community monitoring group in {borough} had not been shown body-worn video of searches for "
            "over a year."),
        remedies=(
            "analyse and explain disproportionality in stop and search and publish the findings",
            "improve the recording of grounds so that every search record shows reasonable suspicion",
            "require supervisors to review a sample of search records and body-worn video each month",
            "strengthen community scrutiny by showing monitoring groups body-worn video of searches"),
        actions=("Publish quarterly stop and search disproportionality data for {borough}",
                 "Dip-sample {n} search records a month for the quality of grounds",
                 "Brief {role} on recording grounds without relying on the smell of cannabis",
                 "Arrange body-worn video reviews with the community monitoring group",
                 "Deliver stop and search legitimacy training to {role}"),
        updates=("Quarterly disproportionality report drafted; rate ratio in {borough} down slightly.",
                 "Community monitoring group reviewed {n} body-worn video clips this quarter."),
        notes=("Supervisor review of search records embedded; grounds judged reasonable in 92% of the sample.",
               "Scrutiny panel now reviews body-worn video monthly.")),
    "use-of-force": ThemePhrases(
        topics=("use of Taser", "restraint and positional asphyxia", "use of force recording",
                "the use of handcuffs and leg restraints"),
        problems=(
            "Taser was discharged in drive-stun mode against a person who was already restrained on the ground.",
            "The detainee was held in the prone position for more than {n} minutes after being handcuffed and "
            "officers did not monitor breathing.",
            "Use of force forms were not completed for {n} of the incidents reviewed, so the force could not "
            "monitor how and where force was used.",
            "Leg restraints were applied without the officer being trained in their use.",
            "Officers did not recognise the signs of acute behavioural disturbance and did not call an ambulance."),
        remedies=(
            "review the training and guidance on Taser use against people who are restrained",
            "ensure officers move detainees out of the prone position as soon as possible and monitor breathing",
            "improve the completion of use of force forms and analyse the data for disproportionality",
            "restrict the use of leg restraints to trained officers and audit their use",
            "train officers to recognise acute behavioural disturbance as a medical emergency"),
        actions=("Issue guidance on Taser drive-stun use against restrained people",
                 "Add prone restraint and breathing checks to officer safety training",
                 "Reconcile use of force forms against {system} records every month",
                 "Audit the issue of leg restraints against training records",
                 "Brief {role} on acute behavioural disturbance as a medical emergency",
                 "Review body-worn video of Taser discharges in {borough}"),
        updates=("Reconciliation found {n} incidents without a use of force form; officers reminded.",
                 "Officer safety training syllabus updated with prone restraint module.",
                 "Taser review panel looked at {n} discharges this quarter."),
        notes=("Use of force form completion now 97%; data published quarterly.",
               "All officer safety trainers delivered the new prone restraint module.")),
    "pursuits": ThemePhrases(
        topics=("authorisation of police pursuits", "emergency response driving",
                "tactical contact and stopping techniques", "post-pursuit welfare checks"),
        problems=(
            "The pursuit was not authorised by the control room and continued after the risk had become "
            "disproportionate.",
            "The driver was not trained to the level required for a pursuit and did not declare this to the "
            "control room.",
            "Dispatchers did not ask for the speed, road conditions and traffic when managing the pursuit on {system}.",
            "Nobody checked on the occupants of the vehicle after the pursuit was called off and the car crashed "
            "{n} minutes later."),
        remedies=(
            "ensure that every pursuit is authorised and kept under review by a trained tactical adviser",
            "make sure drivers only take part in pursuits they are trained and authorised for",
            "improve how dispatchers obtain and record risk information during a pursuit",
            "require a welfare check on vehicle occupants whenever a pursuit is abandoned"),
        actions=("Brief control room supervisors on pursuit authorisation",
                 "Audit pursuits against driver authorisation records",
                 "Add mandatory pursuit risk prompts to {system}",
                 "Introduce a post-pursuit welfare check procedure",
                 "Deliver refresher training to response drivers in {borough}"),
        updates=("Audit of {n} pursuits found two drivers without the right authorisation.",
                 "{system} risk prompts designed; awaiting the next release."),
        notes=("Pursuit authorisation audit shows full compliance over {months} months.",
               "Welfare check procedure published and used in every abandoned pursuit sampled.")),
    "call-handling": ThemePhrases(
        topics=("call abandonment on 999 and 101", "call grading and THRIVE", "call-back and re-grading",
                "the response to calls from vulnerable people"),
        problems=(
            "The 999 call was abandoned after waiting {n} minutes and no call-back was made.",
            "The call was graded as an S-grade (scheduled) response although the caller reported a threat to life.",
            "Call handlers did not re-grade the incident on {system} when the caller rang back with new "
            "information.",
            "101 call abandonment rates in the period reviewed exceeded 30% and the force had no plan to reduce them.",
            "The call handler did not ask about weapons or children in the house as the script required."),
        remedies=(
            "reduce 999 and 101 call abandonment and call back every abandoned emergency call",
            "ensure call grading applies THRIVE and records the reasons for the grade",
            "require call handlers to re-grade incidents when new information is received",
            "review the call handling script so that questions about weapons and children are always asked"),
        actions=("Introduce automatic call-back for abandoned 999 calls",
                 "Audit {n} S-graded calls a week for correct THRIVE grading",
                 "Brief call handlers on re-grading incidents on {system}",
                 "Update the call handling script prompts",
                 "Report 101 abandonment rates to the Board every month"),
        updates=("Abandonment rate down to {n}% this month after extra staffing at peak times.",
                 "Call-back process live; {n} abandoned calls returned in the first week."),
        notes=("Every abandoned 999 call now gets a call-back; audited for {months} months.",
               "Script prompts updated and quality assurance shows they are used.")),
    "death-investigation": ThemePhrases(
        topics=("the investigation of unexplained deaths", "sudden death attendance",
                "scene preservation at deaths", "liaison with HM Coroner"),
        problems=(
            "The death was treated as non-suspicious before a detective inspector had attended and the scene "
            "was released.",
            "Officers attending the sudden death did not record the position of the body or secure the "
            "deceased's phone.",
            "The file for the coroner was submitted {n} months late and did not include the officers' statements.",
            "The family were not told that a post-mortem would take place or how to contact the coroner's officer."),
        remedies=(
            "ensure that a detective inspector reviews every unexplained death before the scene is released",
            "improve scene preservation and recording at sudden deaths",
            "submit coroner files on time with all statements and exhibits",
            "make sure families are told about the post-mortem and the coroner's process"),
        actions=("Brief {role} on sudden death scene preservation",
                 "Introduce a detective inspector review checkpoint for unexplained deaths",
                 "Track coroner file submissions on {system}",
                 "Publish a leaflet for bereaved families on the coroner's process"),
        updates=("Coroner file tracker live; {n} overdue files identified and chased.",
                 "Sudden death checklist agreed with HM Coroner's officers."),
        notes=("All unexplained deaths sampled had a detective inspector review recorded.",
               "Families now receive the coroner's process leaflet at first contact.")),
    "investigation": ThemePhrases(
        topics=("the quality of investigations", "supervision of investigations",
                "investigative plans and victim updates", "allocation of crimes to investigators"),
        problems=(
            "The investigation had no recorded plan and no supervisory review for {n} weeks.",
            "Obvious lines of enquiry, such as CCTV and house-to-house enquiries in {borough}, were not followed.",
            "The crime was allocated to an officer without the skills for a complex investigation.",
            "Victims were not updated in line with the Victims' Code and were not told when the case was filed."),
        remedies=(
            "ensure every investigation has a plan and is reviewed by a supervisor at set intervals",
            "make sure obvious lines of enquiry are identified and completed early",
            "allocate complex investigations to appropriately skilled investigators",
            "update victims in line with the Victims' Code and record each update on {system}"),
        actions=("Introduce a supervisory review template on {system}",
                 "Dip-sample {n} investigations a month for lines of enquiry",
                 "Review the crime allocation policy",
                 "Brief {role} on Victims' Code updates",
                 "Deliver investigative plan workshops to detective sergeants"),
        updates=("Dip sample found supervisory reviews recorded in {n} of ten cases.",
                 "Allocation policy draft circulated to BCU commanders."),
        notes=("Supervisory review template in use force-wide; compliance audited at 90%.",
               "Victim update compliance measured monthly and above target for {months} months.")),
    "disclosure": ThemePhrases(
        topics=("disclosure of unused material", "the management of search warrants",
                "the handling of digital material for disclosure", "disclosure schedules"),
        problems=(
            "Relevant unused material was not revealed to the prosecutor and the trial collapsed.",
            "The search warrant application did not disclose information that undermined the grounds.",
            "The disclosure schedule described items as 'various documents' and gave the prosecutor nothing to "
            "assess.",
            "Digital material from the complainant's phone was downloaded in full but not reviewed for {n} months."),
        remedies=(
            "improve the revelation of unused material to the prosecutor",
            "ensure search warrant applications disclose everything that could undermine them",
            "make sure disclosure schedules describe each item well enough to be assessed",
            "review digital material promptly and proportionately"),
        actions=("Brief {role} on the duty of candour in warrant applications",
                 "Audit disclosure schedules with the CPS every quarter",
                 "Deliver disclosure champion training in each BCU",
                 "Introduce a warrant application checklist",
                 "Agree digital review timescales with the digital forensics unit"),
        updates=("Joint audit with the CPS of {n} schedules completed; quality improving.",
                 "Warrant checklist approved by the legal services team."),
        notes=("Disclosure champions in place in every BCU; CPS audit shows better schedules.",
               "Warrant checklist mandatory since the last quarter.")),
    "vetting": ThemePhrases(
        topics=("vetting and re-vetting of officers", "the handling of misconduct allegations",
                "misogyny and sexual misconduct by officers", "abuse of position for a sexual purpose"),
        problems=(
            "The officer was vetted despite an earlier allegation of indecent exposure that was not checked "
            "against {system}.",
            "Allegations of sexual misconduct were dealt with as performance matters and no pattern was identified.",
            "Re-vetting had not been carried out for {n} years for officers in sensitive posts.",
            "Colleagues had seen misogynistic messages in a group chat but did not report them, fearing they "
            "would not be supported."),
        remedies=(
            "strengthen vetting so that all previous allegations are checked and assessed",
            "make sure allegations of sexual misconduct are assessed for patterns across all records",
            "re-vet officers in sensitive posts on time and whenever new information comes to light",
            "encourage and support officers and staff to report misconduct by colleagues"),
        actions=("Check all current officers against national databases",
                 "Review the assessment of sexual misconduct allegations",
                 "Clear the re-vetting backlog for sensitive posts",
                 "Relaunch the confidential reporting line",
                 "Brief {role} on the duty to challenge and report"),
        updates=("Data wash completed; {n} officers referred for further assessment.",
                 "Re-vetting backlog reduced by a third this quarter."),
        notes=("All officers checked against national databases; referrals concluded.",
               "Confidential reporting line relaunched; reports up {n}-fold.")),
    "victim-care": ThemePhrases(
        topics=("family liaison after a death", "the support given to bereaved families",
                "victim care and the Victims' Code", "communication with families during investigations"),
        problems=(
            "The family liaison officer was not deployed until {n} days after the death and the family learned "
            "of developments from the media.",
            "The family's questions about the investigation were not recorded or answered.",
            "No family liaison strategy was set by the senior investigating officer.",
            "The victim was not offered a referral to victim support services."),
        remedies=(
            "deploy a family liaison officer promptly after a death and set a family liaison strategy",
            "record and answer the family's questions through a single point of contact",
            "make sure victims are offered referral to support services in every case"),
        actions=("Review the family liaison deployment policy",
                 "Train additional family liaison officers in {borough}",
                 "Introduce a family questions log on {system}",
                 "Brief senior investigating officers on family liaison strategies"),
        updates=("{n} additional family liaison officers trained this quarter.",
                 "Family questions log piloted in two murder investigation teams."),
        notes=("Family liaison strategy now recorded in every case reviewed.",
               "Victim support referral offered in 96% of sampled cases.")),
    "records": ThemePhrases(
        topics=("records management and retention", "the quality of data on {system}",
                "information sharing with partners", "recording of decisions on the intelligence system"),
        problems=(
            "Relevant records had been deleted under the retention schedule although an investigation was ongoing.",
            "Duplicate nominal records on {system} meant that warning markers were not seen by officers.",
            "Information about the risk the person posed was held by the force but not shared with partners.",
            "Decisions on the intelligence system were not recorded with their rationale."),
        remedies=(
            "review the retention schedule so that records needed for investigations are kept",
            "improve data quality on {system} by merging duplicate records and checking warning markers",
            "agree information-sharing arrangements with partners and record what was shared",
            "record decisions and their rationale on the intelligence system"),
        actions=("Merge duplicate nominal records on {system}",
                 "Review the records retention schedule",
                 "Sign the information-sharing agreement with partners",
                 "Audit warning markers for accuracy"),
        updates=("{n} thousand duplicate records merged so far.",
                 "Retention schedule review with the information management team under way."),
        notes=("Duplicate records merged; warning marker audit shows accuracy above 95%.",
               "Information-sharing agreement signed and published.")),
    "training": ThemePhrases(
        topics=("training for new officers", "continuous professional development",
                "training records and compliance", "the content of mandatory training"),
        problems=(
            "Training records showed that {n} officers had not completed mandatory training in the last year.",
            "The training package had not been updated after a change in the law.",
            "New officers had not been taught how to complete the risk assessment on {system}.",
            "The force could not tell which officers had been trained in the relevant procedure."),
        remedies=(
            "ensure mandatory training is completed and records are kept up to date",
            "review training packages whenever law or guidance changes",
            "include practical use of {system} in initial training",
            "keep a reliable record of who has been trained in each procedure"),
        actions=("Update the training package with the new guidance",
                 "Chase completion of mandatory training in {borough}",
                 "Add {system} practical sessions to initial training",
                 "Reconcile training records against the HR system"),
        updates=("Completion of mandatory training now at {n}0% in the BCU.",
                 "Revised training package approved by {body}."),
        notes=("Training delivered to all officers in scope; records reconciled.",
               "Revised package in use since the last intake.")),
}

# Sentences that set a finding in its circumstances (appended to some finding texts).
CIRCUMSTANCES: tuple[str, ...] = (
    "This was found in {n} of the cases reviewed in {borough}.",
    "The same issue had been raised after an earlier incident in {borough}.",
    "The incident took place in {borough} in {month}.",
    "{body} had raised the same concern the year before.",
    "Staff interviewed said they had not been told about the change of policy.",
    "Supervisors were aware of the issue but had no capacity to address it.",
)

# Endings that place an action in time or place (appended to some action titles).
ACTION_QUALIFIERS: tuple[str, ...] = (" in {borough}", " across all BCUs", " in {borough} and {borough}",
                                      " at {suite} and two other sites", " (phase {q})")

# What a coroner says of the deceased (appended to some matters of concern).
DECEASED: tuple[str, ...] = ("The deceased was {age} years old and lived in {borough}.",
                             "The deceased, aged {age}, died in {month}.")

# Progress sentences any item can carry, prepended or appended to a theme sentence.
GENERIC_UPDATES: tuple[str, ...] = (
    "Meeting held with {body}; next steps agreed.",
    "Owner changed after the previous lead moved post; handover completed.",
    "Awaiting sign-off from the BCU senior leadership team.",
    "Progress reviewed at the hub learning meeting; on target.",
    "Delayed by abstractions for public order events; new plan agreed.",
    "Draft circulated for consultation with {role}.",
    "Evidence pack being collated for CPIC review.",
    "Funding bid submitted; decision expected within {months} months.",
)

EXTENSION_REASONS: tuple[str, ...] = (
    "Dependent on the {system} release, which has been delayed.",
    "Board agreed an extension: training capacity is needed for public order commitments.",
    "Partner agency consultation took longer than planned.",
    "Owner moved post; new owner needs time to review the work.",
    "Scope widened after the Board asked for a force-wide roll-out.",
    "Procurement of equipment delayed by the supplier.",
)

NOT_ACCEPTED_RATIONALES: tuple[str, ...] = (
    "Not accepted: the existing national guidance already covers this and the force complies with it.",
    "Not accepted: the cost is disproportionate to the risk; alternative mitigation recorded.",
    "Not accepted: the recommendation is for a partner agency; referred to {body}.",
    "Not accepted: the Board considered the evidence and found the current practice safe.",
)

PARTIAL_RATIONALES: tuple[str, ...] = (
    "Accepted in part: the training element is accepted; the staffing element is referred to the budget review.",
    "Accepted in part: the force will pilot the change in {borough} before deciding on a force-wide roll-out.",
    "Accepted in part: the recording element is accepted; the system change is not feasible this year.",
)

CANCEL_REASONS: tuple[str, ...] = (
    "Superseded by a force-wide action owned by {body}.",
    "No longer needed after the policy change.",
    "Duplicate of another action on the register.",
    "Replaced by the national programme led by the College of Policing.",
)

REOPEN_REASONS: tuple[str, ...] = (
    "Reopened: a further incident in {borough} showed the learning had not been embedded.",
    "Reopened at the Board's request after a follow-up inspection found the issue persisting.",
    "Reopened: the audit that supported closure was found to be too small.",
)
