/// Names to draw from. Places are real towns; the organisations and people are made up.
enum Pools {
    static let firstNames = [
        "Aisha", "Alan", "Amira", "Bethan", "Callum", "Chloe", "Daniel", "Deborah", "Eilidh", "Farah", "Gareth", "Grace",
        "Hannah", "Imran", "Jasmine", "Joseph", "Kiran", "Laura", "Liam", "Marcus", "Megan", "Mohammed", "Nadia", "Niamh",
        "Oliver", "Priya", "Rhys", "Ruth", "Samuel", "Shona", "Tariq", "Thomas", "Uzma", "Victoria", "Wayne", "Yasmin",
        "Zainab", "Bronwen", "Declan", "Esther",
    ]

    static let surnames = [
        "Ahmed", "Baker", "Begum", "Campbell", "Chowdhury", "Davies", "Edwards", "Evans", "Fraser", "Gallagher", "Green",
        "Hughes", "Hussain", "Jones", "Kaur", "Kelly", "Khan", "Lewis", "MacDonald", "Morgan", "Murphy", "Nowak", "O'Neill",
        "Okonkwo", "Patel", "Price", "Quinn", "Reid", "Roberts", "Shah", "Singh", "Smith", "Taylor", "Thomas", "Walker",
        "Watson", "Williams", "Wright", "Yusuf", "Zielinski",
    ]

    static let places = [
        "Ashfield", "Barnsley", "Bolton", "Bradford", "Burnley", "Calderdale", "Carlisle", "Chesterfield", "Corby",
        "Coventry", "Darlington", "Derby", "Doncaster", "Dudley", "Gateshead", "Gloucester", "Grimsby", "Halton",
        "Hartlepool", "Ipswich", "Kirklees", "Lancaster", "Leicester", "Lincoln", "Luton", "Mansfield", "Medway",
        "Middlesbrough", "Newport", "Northampton", "Norwich", "Oldham", "Peterborough", "Plymouth", "Preston",
        "Reading", "Rochdale", "Rotherham", "Salford", "Scunthorpe", "Slough", "Stockport", "Stoke", "Sunderland",
        "Swindon", "Tameside", "Telford", "Thanet", "Wakefield", "Walsall", "Wigan", "Wirral", "Worcester", "Wrexham",
    ]

    static let kinds = [
        "Recovery Trust", "Community Partnership", "Women's Project", "Pathways", "Futures", "Resettlement Service",
        "Family Support Network", "Housing and Advice Centre", "Mentoring Project", "Skills and Work Trust",
        "Wellbeing Collective", "New Start", "Second Chances", "Outreach", "Lived Experience Network",
    ]

    static let titleEndings = [
        "in the community", "for people leaving prison", "for women on licence", "for young adults on probation",
        "across the county", "with local partners", "in two prisons", "for people with convictions",
    ]

    static let telephones = ["01632 960", "0113 496 0", "0121 496 0", "0161 496 0", "020 7946 0", "0131 496 0"]
}
