"""The words that tell a role from a person's name (words of office, titles, common given names), and a
service's mailbox from a person's (the words of role and service mailboxes).

Data only, read by :mod:`partreg.names`: each list is lower-case words, separated by spaces. Given
names are written without their accents ("sian" for Siân, "zoe" for Zoë), as names compares them;
words of office as they are written, Welsh ones too ("tîm", not "tim", which is a given name).
"""


def _words(text: str) -> frozenset[str]:
    """The words of ``text``, as a set: hundreds of words written as prose fit a screen, one a line would not."""
    return frozenset(text.split())


#: Words that make text a role (or a team), whatever else it holds.
ROLE_WORDS = _words(
    """
    manager officer head director lead leader chief executive coordinator co-ordinator team assistant
    clerk member portfolio holder chair chairman chairwoman chairperson secretary deputy principal
    senior service services adviser advisor specialist analyst commissioner partnership partnerships
    council councillor unit group board department directorate section office strategic corporate
    community development planning housing finance environment health safety policy programme project
    projects engagement officers administrator consultant supervisor superintendent inspector engineer
    solicitor monitoring treasurer accountant auditor controller steward warden ranger worker
    practitioner lawyer mayor cabinet committee representative representatives
    rheolwr swyddog swyddogion pennaeth cyfarwyddwr cyfarwyddiaeth prif arweinydd cydlynydd cynorthwyydd
    aelod cadeirydd ysgrifennydd dirprwy uwch gwasanaeth gwasanaethau ymgynghorydd cynghorydd cyngor
    pwyllgor tîm uned adran partneriaeth tai cymuned cymunedol datblygu cynllunio cyllid iechyd diogelwch
    polisi prosiect rhaglen ymgysylltu maer gweithiwr cynrychiolydd swyddfa strategol corfforaethol
    """
)

#: Words that end a body's or a venue's name and no person's: "Nia Centre", "Ruby Trust", "Amber Hub"
#: (a given name starts many such names). Not the places that are surnames too: Hall, Lane, Green.
BODY_WORDS = _words(
    """
    centre center centres library libraries school academy college university hub trust foundation
    society association club forum network alliance charity fund cic ltd limited plc
    canolfan llyfrgell ysgol coleg ymddiriedolaeth cymdeithas clwb fforwm rhwydwaith elusen cronfa
    """
)

#: Titles that begin a person's name.
TITLES = _words(
    """
    mr mrs ms miss mx dr cllr councillor sir dame prof professor rev revd lady lord cyng
    """
)

#: Words between a given name and a surname that are part of the surname: Welsh ("ap Dafydd"),
#: Irish and Scots ("Ó Briain", "Ní Bhriain", "Mac Giolla"), European ("de la Cruz", "van Dijk"),
#: Arabic ("bin Ali", "al Hassan").
PARTICLES = _words(
    """
    ap ab ferch verch ó ní nic mac ua uí de del della der den di da das dos du la le van von bin binti al el
    """
)

#: Common given names in England and Wales, across the ages of a council's staff.
GIVEN_NAMES = _words(
    """
    aaron abdul abigail adam adrian agnes aidan aisha alan albert alex alexander alexandra alice alison
    amanda amber amelia amy andrea andrew angela anita ann anna anne annette anthony antony april arthur
    ashley barbara barry ben benjamin bernard beth bethany beverley bill billy bob brenda brian bridget
    bruce callum cameron carl carol caroline carolyn catherine charles charlie charlotte chloe chris
    christina christine christopher claire clare colin connor craig daniel danielle darren dave david
    dawn dean debbie deborah debra declan denise dennis derek diane donna dorothy douglas duncan dylan
    eddie edward eileen elaine eleanor elizabeth ella ellie emily emma eric ethan eve evelyn fatima
    fiona frances francis frank freya gail gareth gary gavin gemma geoff geoffrey george georgia gerald
    gillian gordon graham grace greg gregory hannah harriet harry hayley heather helen henry holly hugh
    ian imran isaac isabel isabella isobel jack jackie jacob jacqueline james jamie jan jane janet
    janice jason jay jean jeff jeffrey jennifer jenny jeremy jessica jill jim jo joan joanna joanne joe
    joel john jon jonathan joseph josh joshua joyce judith judy julia julian julie june justin karen
    kate katherine kathleen kathryn katie kay keith kelly kenneth kerry kevin kieran kim kirsty laura
    lauren lee leo leon lesley leslie liam lily linda lindsay lisa liz lorraine louise lucy luke lynn
    lynne mandy marc margaret maria marie marion mark martin mary matt matthew maureen megan melanie
    michael michelle mike mohammed mohammad muhammad molly muriel naomi natalie natasha neil nicholas
    nick nicola nicole nigel noah norman oliver olivia owen pamela patricia patrick paul paula pauline
    peter philip phillip phil priya rachel rebecca richard rob robert robin roger ronald rosemary ross
    roy ruby russell ruth ryan sally sam samantha samuel sandra sarah scott sean shane sharon sheila
    shirley simon sophie stacey stephanie stephen steve steven stuart sue susan suzanne sylvia tanya
    teresa terry theresa thomas tim timothy tina toby tom tony tracey tracy trevor valerie vanessa vicky
    victoria vincent wayne wendy william yvonne zoe
    aled alun aneurin angharad arwel bethan bryn carys catrin ceri cerys dafydd delyth dewi eirian eleri
    elin emyr emrys ffion geraint gethin glyn gruffydd gwen gwenllian gwilym gwyn gwyneth hefin heledd huw
    hywel iestyn ieuan ifan iolo llinos lowri mair manon meinir meirion nerys nia osian owain rhian
    rhiannon rhodri rhys sian sioned steffan tomos trystan
    aine aisling aoife brendan caoimhe ciara ciaran clodagh colm conor cormac darragh deirdre donal eamon
    eamonn eimear eoin fergal fionn fionnuala grainne maeve maire mairead niall niamh oisin orla padraig
    roisin ronan saoirse seamus shauna sinead siobhan
    ailsa alasdair alistair catriona eilidh euan ewan finlay fraser hamish iain isla mhairi morag
    rory
    agnieszka ana andre andrei andrzej antonio astrid beata bogdan carlos carmen celine dorota elena ewa
    francesca francesco francois giovanni giuseppe hans helene ingrid ioana irina jakub jens jose juan
    jurgen katarzyna klaus krzysztof lars luca lucia luis lukasz magdalena malgorzata marco marek mateusz
    miguel mihai natalia olga pablo pawel pedro piotr rene renee sofia sven tomasz wojciech zofia
    ahmed ali amir anil arjun asif ayesha bilal deepak farah gurpreet hamza harpreet hassan hussain
    ibrahim jaswinder javed kamal khalid kiran manjit meera nadia nasreen naveen nisha omar parminder
    pooja rahul rajesh ravi sajid salma sanjay shabana shahid sunil sunita tariq usman vikram yasmin
    yusuf zahra zainab
    chidi chinedu femi kwame ngozi tunde
    """
)

#: Mailboxes of a role or a service, not a person (`partnerships@`, `housing@`).
ROLE_MAILBOXES = _words(
    """
    info enquiries enquiry contact contactus admin office hello team partnerships partnership help support
    customerservices communications press media foi democratic services council grants communitysafety
    licensing planning housing environment leisure
    """
)

#: Words of a service's mailbox of several words (`housing.options@`, `community-safety@`), with the
#: words of office and the role mailboxes.
SERVICE_WORDS = (
    _words(
        """
        options safety community customer benefits revenues economic development waste recycling parking
        finance estates property regeneration health wellbeing youth sport culture events funding building
        control land charges data protection children centres electoral registration elections
        environmental trading standards pest bereavement noise tax council careline regulation regulatory
        leisure transport highways communities neighbourhoods operations resources governance legal
        democratic performance commissioning procurement contracts assets infrastructure sustainability
        climate libraries heritage tourism people adults education skills employment homelessness
        licensing enforcement
        """
    )
    | ROLE_WORDS
    | ROLE_MAILBOXES
)

#: Words of the services and offices a role may name besides those above ("Street Scene", "Open
#: Spaces", "Armed Forces Champion"), and of the bodies a review may be by ("Essex Police"): a role
#: of two or three capitalised words with none of these, nor of the words above, is read as a name
#: (``names.bare_name``).
MORE_ROLE_WORDS = _words(
    """
    police constabulary fire rescue nhs ccg icb ambulance street scene spaces space open green grounds
    maintenance parks park museum museums curator arts art champion armed forces business growth place
    digital ict technology transformation improvement quality compliance risk audit insurance payroll
    workforce learning training equality equalities diversity inclusion safeguarding welfare family
    families prevention tenancy lettings homes facilities fleet depot cleansing lighting flood
    countryside markets theatre visitor visitors marketing web website complaints information records
    archives research intelligence enterprise investment town towns city district rural parish
    neighbourhood locality localities net zero tree trees emergency insight bid care social public
    private voluntary sector relations liaison contract communications comms media press customer
    revenue benefits rents income debt recovery fraud investigations registrar registrars coroner
    bereavement cemeteries allotments sports wellbeing active ageing older young youth children adults
    early years support help advice transport travel highways parking access accessibility design
    conservation heritage listed buildings building estates asset assets energy carbon waste recycling
    water air quality noise food hygiene licensing events tourism economy economic skills employment
    borough county shire region regional national local master keeper surveyor architect designer
    caretaker sheriff abuse domestic violence sleeping rough crime hate slavery modern serious behaviour
    antisocial anti-social misuse substance reduction contingencies civil cyber security resettlement
    refugee response levelling prosperity shared poverty living cost room mail print shop stop
    participation tenant tenants scrutiny overview hours meals wheels lifeline alarms scheme handyperson
    england cross army concern aid jobcentre panel harbour pier dock bridge lock collection
    """
)
