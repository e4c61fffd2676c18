/**
 * Compact name lists for person detection: common given names and surnames in the UK, drawn
 * from many communities (English, Scottish, Welsh, Irish, South Asian, African, Caribbean,
 * Eastern European, Arabic, Turkish, Chinese, Vietnamese). Names that are also everyday
 * English words ("Will", "May", "Brown", "Hill") sit in the *ambiguous* lists and need
 * context (a title, a second name part or a phrase like "my ex") before they count.
 */

const split = (s: string): string[] => s.trim().split(/\s+/);

export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  split(`
  Aaron Abdul Abdullah Abigail Adam Adebayo Adeel Adele Adrian Agnieszka Ahmed Aidan Aisha Alan Alastair Albert Aleksandra
  Alex Alexander Alexandra Alfie Ali Alice Alicia Alison Amanda Amara Amelia Amina Amir Amit Amy Andrea Andrew Andrzej Angela
  Anil Anita Ann Anna Anne Annie Anthony Anton Antonio Anwar Anya Arjun Arthur Asha Ashley Ayesha Aziz Barbara Barry Beata
  Ben Benjamin Beth Bethan Bethany Billy Blessing Bogdan Brandon Brenda Brian Bridget Bronwen Bukola Caitlin Callum Cameron
  Carl Carla Caroline Carys Catherine Cerys Charlene Charles Charlie Charlotte Chelsea Chen Chidi Chipo Chloe Chris Christina
  Christine Christopher Chukwuemeka Ciara Ciaran Claire Colin Connor Conor Craig Dafydd Daniel Danielle Darren Darius David
  Dawid Debbie Deborah Declan Deepak Delroy Denise Dennis Derek Desmond Dev Dimitri Dominic Donna Dorota Duncan Dylan Eamon
  Ebony Edward Eilidh Eleanor Elena Eliza Elizabeth Ella Ellie Emeka Emily Emma Eoin Eric Erin Ethan Eva Evan Ewa Fatima
  Fatma Femi Fergus Finlay Fiona Folake Francesca Freya Gareth Gary Gavin Gemma Geoffrey George Georgia Gerald Gillian
  Gintare Graham Greg Gregory Gurpreet Hamza Hannah Harjit Harpreet Harriet Harry Harvey Hassan Hayley Heather Helen Henry
  Hollie Hussein Ian Ibrahim Idris Ifeoma Imran Ioana Iqbal Isaac Isabel Isabella Isla Ismail Jack Jacob Jacqueline Jade
  Jagdeep Jake Jakub James Jamie Jan Jane Janet Janice Jasmine Jason Jaspreet Javed Jayden Jeffrey Jennifer Jenny Jeremy
  Jessica Jill Joanna Joanne Joe Joel John Jonathan Jordan Joseph Josh Joshua Julie Julian Justin Kacper Kamal Kamala Karen
  Karim Karl Kate Katarzyna Katherine Kathleen Katie Kayleigh Keith Kelly Kemi Kenneth Kerry Kevin Khadija Kieran Kimberley
  Kirsty Kofi Krzysztof Kwame Kyle Lakshmi Laura Lauren Lee Leah Leanne Leon Leroy Lesley Leslie Liam Lindsay Lisa Liz Lloyd
  Lorna Lorraine Louise Lucas Lucy Luke Lukasz Lynne Mahmoud Maciej Magdalena Maisie Malcolm Mandeep Manpreet Marcus Margaret
  Maria Mariam Marie Marek Mark Marta Martin Mary Maryam Mateusz Matthew Megan Mehmet Melanie Melissa Mia Michael Michaela
  Michelle Mihai Mike Mohamed Mohammad Mohammed Molly Monika Muhammad Mustafa Nadia Naomi Naveed Neil Ngozi Niall Nicola
  Nicholas Nicole Nikhil Nina Nisha Noah Nomvula Oisin Oliver Olivia Oluwaseun Omar Oscar Owen Paige Pamela Paul Paula Pauline
  Pawel Peter Philip Piotr Precious Priya Priyanka Rachel Rahul Raj Rajesh Rajinder Ravi Rebecca Rhian Rhys Richard Rita
  Robert Robyn Roisin Ronan Ross Rukhsana Ruth Ryan Sadia Saima Sally Salma Sam Samantha Samir Samuel Sandeep Sanjay Sarah
  Sara Scott Sean Seamus Shabana Shahid Shanice Shannon Sharon Shauna Shaun Sheila Shirley Sian Simon Sinead Siobhan Sofia
  Sophie Stacey Stanislaw Stefan Stephanie Stephen Steve Steven Stuart Sukhdeep Sunita Susan Suzanne Tanisha Tanya Tariq Tayo
  Teresa Thomas Tina Tobi Tom Tomasz Tommy Tony Tracey Tracy Trevor Tunde Tyler Usman Valentina Vanessa Vikram Vivek Wayne
  Wendy Wiktoria William Winston Wojciech Yasmin Yusuf Zainab Zara Zoe Zofia Zsofia Ahmad Adaeze Babajide Chiamaka Efua
  Ewan Grzegorz Ilinca Kai Liang Mei Minh Nguyen Wei Xin Yan Ying Zhen Linh Thanh Duc Huong Mwangi Wanjiru Abdi Abdirahman
  Hodan Faduma Ayaan Hibo Yasir Mehmet Emine Ayse Murat Elif Burak Kemal Darnell Jermaine Tyrone Marlon Shaniqua Keisha
  Dave Davey Danny Dan Jim Jimmy Pete Andy Mick Mikey Gaz Kev Baz Jon Matt Phil Ken Terry Gerry Jen Becky Kat Kath Jo Lou
  Vicky Nikki Jess Steph Sid Stevie Tez Dazza Jonny Johnny Bobby Joey Katy Kayla Demi Courtney Jodie Kirsty Lyndsey Shaz
  Aaliyah Kayden Alfie Archie Freddie Reggie Theo Teddy Tilly Evie Lottie Poppy Millie Ruby Lily Daisy Amber
  Riley Leo Arlo Finley Finn Reuben Toby Louie Louis Jaxon Ollie Alfred Harley Logan Ezra Rory Jenson Frankie Lewis
  Ava Bella Willow Florence Isabelle Matilda Phoebe Scarlett Esme Harper Luna Maya Rosie Layla Hallie Ellie-Mae Lexi Nevaeh
  Aoife Niamh Saoirse Caoimhe Orla Aisling Grainne Clodagh Bronagh Ciaran Cormac Tadhg Padraig Fionn Oisin Shane Feargal
  Mhairi Morag Iona Shona Kirsteen Lachlan Hamish Angus Struan Ewan Callum Catriona Ffion Cerys Gwen Aled Rhodri Iwan Osian
  Chidera Chinedu Nneka Obinna Ikechukwu Temitope Tomiwa Olamide Oluwatobi Ayodele Funmilayo Yetunde Abimbola Adewale Kehinde
  Taiwo Segun Akua Kojo Kwabena Abena Thandiwe Sipho Tendai Farai Rutendo Chiamaka Ngozi Uchenna Chioma Adaora Ebere
  Aarav Anjali Deepa Gita Harjeet Inderjit Kiran Manjit Navdeep Parminder Rupinder Simran Tejinder Zubair Bilal Hamid Faisal
  Adnan Arif Asif Nasreen Parveen Shazia Sana Hina Mehreen Rubina Nusrat Tahir Waqar Zeeshan Shahida Imtiaz Junaid Aamir
  Jolanta Malgorzata Paulina Natalia Oksana Olena Yulia Svetlana Irina Vasile Ionut Andrei Cristina Florin Gheorghe Marius
  Mirela Tomas Jonas Egle Rasa Inga Agata Kinga Bartosz Kamil Szymon Oleksandr Dmytro Viktor Aleksander Justyna
  Khalid Rania Noor Walid Yara Samira Hiba Amal Mahmud Abdulrahman Ayman Nadir Hamdi Leyla Zeynep Emre Hakan
  Thi Hoa Anh Tuan Lan Quang Xiaoling Hui Jing Lei Ming Shu Tao
  Shanelle Tyrell Errol Clive Marcia Beverley Claudette Hyacinth Latoya Jerome Winston Marlene Denton
  Irene Lydia Nathan Nora Betty Juliette Juliet Anastasia Erika Erica Debby Debra Umesh Hiral Myra Rubeena Roxanna Roxanne
  Gigi Mayur Federica Florian Sebastian Zak Zack Aneta Yvonne Frances Francis Agnes Edith Ethel Doris Dorothy Gladys Mabel
  Vera Rosa Rosalind Rosanna Rosemary Beatrice Eleanor Josephine Martha Miriam Esther Judith Ruth Naomi Rachael
  Bernard Cyril Harold Herbert Leonard Norman Percy Reginald Stanley Sidney Walter Wilfred Clifford Gordon Douglas Ronald
  Raymond Roy Kenneth Dennis Eddie Freddy Ronnie Reggie Alfie Jamal Kareem Rashid Rashida Yasmina Leila Layla Noura Huda
  Priti Preeti Pooja Neha Nikita Shreya Divya Kavita Meena Rekha Suresh Ramesh Mahesh Dinesh Ganesh Rakesh Mukesh Naresh
  Hitesh Jignesh Kalpesh Paresh Nilesh Ashok Vijay Ajay Sunil Rohit Rohan Arun Varun Tarun Kunal Mihir Hardik Jatin
  Olga Tatiana Natasha Svetlana Ludmila Galina Ivana Milena Jelena Dragana Mirela Bianca Simona Daniela Gabriela Lucia
  Marco Luca Matteo Giulia Chiara Francesco Giuseppe Alessandro Stefano Paolo Pablo Carlos Javier Miguel Jorge Diego Sofia
  Carmen Pilar Rocio Ines Joao Tiago Rui Nuno Ana Beatriz Mariana Hugo Pierre Jean Louis Antoine Julien Camille Chloe Elodie
  Amelie Margot Helene Ingrid Astrid Freja Sven Lars Nils Anders Hanna Katja Heike Jurgen Klaus Dieter Wolfgang Uwe
  Yuki Kenji Hiroshi Takeshi Akiko Keiko Kimiko Mariko Haruka Jin Hyun Min Seo Jae Yoon Hana Kwame Kofi Ama Adjoa Esi
  Tamsin Imogen Jemima Araminta Tabitha Octavia Persephone Clementine Rupert Piers Hugo Giles Crispin Jolyon Tarquin
`),
);

/** Given names that are also ordinary words or month names: need a surname, a title or context. */
export const AMBIGUOUS_GIVEN: ReadonlySet<string> = new Set(
  split(`
  Mark Will May June April August Grace Hope Faith Joy Dawn Summer Bill Rose Frank Victor Guy Ray Pat Rob Sue Don Carol Holly Ivy
  Iris Daisy Lily Poppy Ruby Jade Amber Crystal Autumn Sky River Chase Hunter Miles Lance Dean Warren Wade Cliff Dale Glen
  Heath Rich Drew Reed Penny Bob Sandy Rusty Angel Hazel Heather Jack Jay Kit Max Nick Norman Patience Precious Blessing
  Mercy Charity Destiny Harmony Honey Star Faye Robin Sunny Earl Duke Prince Major Marshall Gene Art Ivan Roman Stone
  Chelsea Sydney Paris Florence Devon Lincoln Kent Brooklyn Dallas Austin Orlando Phoenix Sierra Carolina Virginia
`),
);

export const SURNAMES: ReadonlySet<string> = new Set(
  split(`
  Smith Jones Williams Taylor Davies Evans Thomas Johnson Roberts Robinson Thompson Wilson Wright Walker Edwards Hughes
  Lewis Jackson Harris Clarke Clark Patel Khan Ali Ahmed Hussain Begum Akhtar Iqbal Malik Rahman Shah Singh Kaur Sharma
  Gupta Kumar Mistry Chauhan Parmar Sandhu Gill Bains Dhillon Sidhu Chowdhury Uddin Islam Miah Hossain Bibi Mahmood Aziz
  Qureshi Butt Raza Rashid Nawaz Anwar Mirza Siddiqui Okafor Okonkwo Adeyemi Adebayo Oluwole Mensah Osei Boateng Owusu Asante
  Appiah Nwosu Eze Obi Okoro Afolabi Bankole Mwangi Kamau Otieno Mohamed Abdi Hassan Farah Warsame Yusuf Ibrahim Osman Omar
  Abdullah Kowalski Kowalska Nowak Wisniewski Wojcik Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski Kozlowski
  Mazur Krawczyk Popescu Ionescu Popa Stan Dumitru Constantin Petrov Ivanov Horvath Nagy Kovacs Novak Silva Santos Ferreira
  Pereira Oliveira Costa Rodrigues Almeida Fernandes Gomez Garcia Martinez Lopez Rossi Russo Romano Esposito Bianchi Murphy
  Kelly Sullivan Byrne Ryan Doyle McCarthy Gallagher Doherty Kennedy Lynch Quinn Brennan Walsh Farrell Flanagan Keane Nolan
  Reilly Connolly Fitzgerald Donnelly McLaughlin Campbell Stewart Anderson MacDonald McDonald Macdonald Scott Reid Murray
  Ross Paterson Fraser Henderson Ferguson Mackenzie McKenzie Hamilton Graham Kerr Duncan Cameron Grant Sinclair Mackay
  Robertson Watson Morrison Johnston Crawford Douglas Buchanan Lloyd Morgan Griffiths Rees Jenkins Owen Powell Price Phillips
  Vaughan Pritchard Bevan Howells Llewellyn Harrison Martin Mitchell Moore Allen Watts Cox Ward Bailey Richardson Wood Wallace
  Jamieson Collins Stevens Cole Bennett Palmer Barnes Holmes Marshall Ellis Gibson Simpson Mills Hunter Webb Russell Dixon
  Matthews Chapman Lawrence Harvey Pearson Atkinson Dawson Barker Hudson Holland Saunders Fletcher Gardner Pearce Burton
  Payne Perry Spencer Sutton Ball Howard Hart Curtis Hayes Dunn Kaye Lambert Lowe Bradley Barrett Day Newton Nicholson
  O'Brien O'Connor O'Neill O'Sullivan O'Donnell O'Reilly D'Souza Fernando Perera Silva Nguyen Tran Pham Chen Wang Li Zhang
  Liu Huang Zhao Wu Yang Lin Wong Cheung Chan Leung Lam Ho Tang Yilmaz Kaya Demir Sahin Celik Ozturk Aydin Arslan Dogan
  Thorne Whitfield Ashworth Blackwood Cartwright Hargreaves Pemberton Fairbairn Haworth Ramsbottom Sutcliffe Ackroyd
  Greenwood Holroyd Oldroyd Brierley Whittaker Hollingworth Entwistle Kershaw Lomax Ogden Pickles Crowther Bairstow
  Okoye Adeleke Ogunleye Olaniyan Babatunde Campbell-Brown Francis Clarke-Williams Grant-Johnson Samuels Beckford Gayle
  Blake Brathwaite Thwaites McKenzie Forbes Edwards-Lewis Wilkinson Whitehead Robson Harper Dyer Lord Rowe Fowler Sharpe
  Chambers Bates Buckley Horton Hodgson Whitworth Parkinson Heywood Rowley Shepherd Weston Morton Goodwin Gordon Walton
  Fielding Hutchinson Pickering Slater Sheppard Cunningham Rhodes Briggs Norris Tomlinson Jarvis Nash Steele Hammond Baxter
  Kavanagh Devlin McGuire Maguire McCann McGrath Hegarty Rafferty Gilmore McAllister Mullan Kaur-Singh Bhatt Desai Joshi
  Mehta Modi Nair Pillai Menon Reddy Rao Iyer Varma Verma Yadav Agarwal Bose Banerjee Chatterjee Das Dutta Ghosh Sen
`),
);

/** Surnames that are also common English words: never flagged on their own. */
export const AMBIGUOUS_SURNAMES: ReadonlySet<string> = new Set(
  split(`
  Brown White Green Black Gray Grey Wood Hill Baker Young King Turner Cook Hall Walker Bell Bird Fox Stone Rose Price Long
  Little Mason Hunt Park Parks Lane Rice Marsh Field Ford West North Church Cross Moss Pope Page Carpenter Fisher Porter
  Carter Cooper Potter Sharp Strong Bishop Knight Noble Major Dean Read Power Day Gold Mills Ward Wells Booth Hope Pike
  Moon Frost Snow Swan Lamb Wolf Hart Best Nash Hand Gates Banks Rivers Brooks Steel Bond Chase Bush Bull Drake Finch
  Glass Head Joy Love Marsh Mann Miles Page Payne Sparks Street Summers Waters Wise Holiday English French Welsh Scott
`),
);
