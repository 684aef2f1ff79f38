import Foundation

/// The test organization in moto, built with boto3 (one Python process: the AWS CLI takes most of a second
/// to start, and the setup makes about sixty calls), and an export of it made independently of
/// `trustpath collect`, with boto3's paginators, to compare the two.
struct MotoOrganization: Decodable {
    var management: String
    /// Eight members, in creation order; roles are described in `setupScript`.
    var members: [String]
    var deletedRoleAccount: String
    var closedAccount: String
    var organizationalUnit: String
    /// The management account's administrator, whose keys the collection runs with (moto checks IAM once set up).
    var adminKeyID: String
    var adminSecret: String

    /// The accounts `collect` can read: the management account and the members but the two broken ones.
    var readable: [String] {
        [management] + members.filter { $0 != deletedRoleAccount && $0 != closedAccount }
    }

    static func create(on server: MotoServer) throws -> MotoOrganization {
        try JSONDecoder().decode(MotoOrganization.self, from: server.python(setupScript))
    }

    /// Writes the independent export of `accounts` (and the organization's files) into `directory`.
    func exportIndependently(on server: MotoServer, accounts: [String], to directory: String) throws {
        _ = try server.python(Self.exportScript, arguments: [directory, accounts.joined(separator: ","), management],
                              environment: ["AWS_ACCESS_KEY_ID": adminKeyID, "AWS_SECRET_ACCESS_KEY": adminSecret])
    }

    static let setupScript = #"""
import json, os, urllib.request
import boto3

endpoint = os.environ["AWS_ENDPOINT_URL"]
def client(service, credentials=None):
    keys = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    if credentials:
        keys = {"aws_access_key_id": credentials["AccessKeyId"], "aws_secret_access_key": credentials["SecretAccessKey"],
                "aws_session_token": credentials["SessionToken"]}
    return boto3.client(service, region_name="us-east-1", endpoint_url=endpoint, **keys)

def trust(principal, condition=None):
    statement = {"Effect": "Allow", "Principal": principal, "Action": "sts:AssumeRole"}
    if condition:
        statement["Condition"] = condition
    return json.dumps({"Version": "2012-10-17", "Statement": [statement]})

everything = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
org = client("organizations")
organization = org.create_organization(FeatureSet="ALL")["Organization"]
management = organization["MasterAccountId"]
root = org.list_roots()["Roots"][0]["Id"]
workloads = org.create_organizational_unit(ParentId=root, Name="Workloads")["OrganizationalUnit"]["Id"]
production = org.create_organizational_unit(ParentId=workloads, Name="Production")["OrganizationalUnit"]["Id"]
members = [org.create_account(AccountName="member-%d" % i, Email="member-%d@example.com" % i)["CreateAccountStatus"]["AccountId"]
           for i in range(8)]
for account in members[:3]:
    org.move_account(AccountId=account, SourceParentId=root, DestinationParentId=workloads)
org.move_account(AccountId=members[4], SourceParentId=root, DestinationParentId=production)
scp = org.create_policy(Name="DenyLeavingAndIAMUsers", Type="SERVICE_CONTROL_POLICY", Description="test guardrail",
                        Content=json.dumps({"Version": "2012-10-17", "Statement": [
                            {"Effect": "Deny", "Action": ["organizations:LeaveOrganization", "iam:CreateUser"], "Resource": "*"}]}))
org.attach_policy(PolicyId=scp["Policy"]["PolicySummary"]["Id"], TargetId=workloads)

# Each member's roles are made with that member's own (assumed) credentials, as in a real organization.
sts = client("sts")
def member_iam(account):
    arn = "arn:aws:iam::%s:role/OrganizationAccountAccessRole" % account
    return client("iam", sts.assume_role(RoleArn=arn, RoleSessionName="setup")["Credentials"])

roles = {
    0: [("DeployFromTools", trust({"AWS": "arn:aws:iam::%s:root" % members[1]}))],
    1: [("PublicReader", trust({"AWS": "*"}))],
    2: [("VendorAudit", trust({"AWS": "arn:aws:iam::999988887777:root"}, {"StringEquals": {"sts:ExternalId": "tp-7f3a9c"}})),
        ("VendorLegacy", trust({"AWS": "arn:aws:iam::444455556666:root"}))],
    3: [("CrossAccountCI", trust({"AWS": "arn:aws:iam::%s:role/DeployFromTools" % members[0]}))],
    4: [("OrgPathRole", trust({"AWS": "*"}, {"ForAnyValue:StringLike": {"aws:PrincipalOrgPaths": "%s/%s/%s/*" % (organization["Id"], root, workloads)}}))],
}
for index, account in enumerate(members):
    iam = member_iam(account)
    if index == 6:
        iam.delete_role(RoleName="OrganizationAccountAccessRole")
        continue
    # Organizations gives this role AdministratorAccess; moto creates it without policies.
    iam.put_role_policy(RoleName="OrganizationAccountAccessRole", PolicyName="AdministratorAccess", PolicyDocument=everything)
    for name, document in roles.get(index, []):
        iam.create_role(RoleName=name, AssumeRolePolicyDocument=document)
        iam.put_role_policy(RoleName=name, PolicyName="read", PolicyDocument=json.dumps({"Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": ["s3:GetObject", "iam:PassRole"], "Resource": "*"}]}))
org.close_account(AccountId=members[7])

iam = client("iam")
iam.create_user(UserName="auditor")
iam.put_user_policy(UserName="auditor", PolicyName="everything", PolicyDocument=everything)
key = iam.create_access_key(UserName="auditor")["AccessKey"]
# From here on moto checks every request's signature and IAM permissions, so a role's absence shows.
request = urllib.request.Request(endpoint + "/moto-api/reset-auth", data=b"0", method="POST",
                                 headers={"Content-Type": "text/plain"})
urllib.request.urlopen(request).read()
print(json.dumps({"management": management, "members": members, "deletedRoleAccount": members[6],
                  "closedAccount": members[7], "organizationalUnit": workloads,
                  "adminKeyID": key["AccessKeyId"], "adminSecret": key["SecretAccessKey"]}))
"""#

    static let exportScript = #"""
import json, os, sys
import boto3

directory, accounts, management = sys.argv[1], sys.argv[2].split(","), sys.argv[3]
endpoint = os.environ["AWS_ENDPOINT_URL"]
def client(service, credentials=None):
    keys = {}
    if credentials:
        keys = {"aws_access_key_id": credentials["AccessKeyId"], "aws_secret_access_key": credentials["SecretAccessKey"],
                "aws_session_token": credentials["SessionToken"]}
    return boto3.client(service, region_name="us-east-1", endpoint_url=endpoint, **keys)

def write(name, value):
    with open(os.path.join(directory, name), "w") as file:
        json.dump(value, file, indent=2, default=lambda date: date.isoformat())

def everything(paginator, result_keys, **arguments):
    merged = {key: [] for key in result_keys}
    for page in paginator.paginate(**arguments):
        for key in result_keys:
            merged[key] += page.get(key, [])
    return merged

os.makedirs(directory, exist_ok=True)
sts = client("sts")
for account in accounts:
    credentials = None
    if account != management:
        arn = "arn:aws:iam::%s:role/OrganizationAccountAccessRole" % account
        credentials = sts.assume_role(RoleArn=arn, RoleSessionName="independent")["Credentials"]
    iam = client("iam", credentials)
    write("gaad-%s.json" % account, everything(iam.get_paginator("get_account_authorization_details"),
                                               ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]))

org = client("organizations")
describe = org.describe_organization()
del describe["ResponseMetadata"]
write("organizations-describe-organization.json", describe)
listed = everything(org.get_paginator("list_accounts"), ["Accounts"])
write("organizations-list-accounts.json", listed)
roots = everything(org.get_paginator("list_roots"), ["Roots"])
write("organizations-list-roots.json", roots)
pending = [root["Id"] for root in roots["Roots"]]
while pending:
    parent = pending.pop()
    units = everything(org.get_paginator("list_organizational_units_for_parent"), ["OrganizationalUnits"], ParentId=parent)
    write("organizations-ous-%s.json" % parent, dict(units, ParentId=parent))
    pending += [unit["Id"] for unit in units["OrganizationalUnits"]]
for account in listed["Accounts"]:
    parents = everything(org.get_paginator("list_parents"), ["Parents"], ChildId=account["Id"])
    write("organizations-parents-%s.json" % account["Id"], dict(parents, ChildId=account["Id"]))
for kind in ["SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"]:
    for summary in everything(org.get_paginator("list_policies"), ["Policies"], Filter=kind)["Policies"]:
        policy = org.describe_policy(PolicyId=summary["Id"])
        del policy["ResponseMetadata"]
        policy["Targets"] = everything(org.get_paginator("list_targets_for_policy"), ["Targets"], PolicyId=summary["Id"])["Targets"]
        write("organizations-policy-%s.json" % summary["Id"], policy)
"""#
}
