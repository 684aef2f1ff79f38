import TrustPathModel

/// Public SaaS vendor accounts that customers are told to trust, each with the public page (or the vendor's own
/// published template) that names it. Short on purpose: an entry is only as good as its source. Extend or override
/// it with `vendors:` in `trustpath.yml`.
public enum KnownVendors {
    /// The vendors by account id, each with its source.
    public static let all: [String: VendorAccount] = Dictionary(entries.map { ($0.0, VendorAccount(name: $0.1, source: $0.2)) }) { first, _ in first }

    /// Account id, name, and the public page that names the account.

    static let entries: [(String, String, String)] = [
        ("464622532012", "Datadog", "https://docs.datadoghq.com/integrations/faq/error-datadog-not-authorized-sts-assume-role/"),
        ("754728514883", "New Relic", "https://app.unpkg.com/serverless-newrelic-lambda-layers@5.8.0/files/templates/nr-lambda-integration-role.yaml"),
        ("926226587429", "Sumo Logic", "https://help.sumologic.com/docs/send-data/hosted-collectors/amazon-aws/grant-access-aws-product/"),
        ("834469178297", "Fivetran", "https://fivetran.com/docs/logs/cloudwatch/setup-guide"),
        ("414351767826", "Databricks", "https://docs.streamnative.io/cloud/lakehouse/prepare-catalogs/unity-catalog/iceberg/aws"),
        ("434813966438", "Lacework", "https://github.com/lacework/terraform-aws-iam-role/blob/main/variables.tf"),
        ("454464851268", "CloudHealth", "https://help.cloudhealthtech.com/administration/aws/setup-iam-role-linked.html"),
        ("324880187172", "Spacelift", "https://docs.spacelift.io/integrations/cloud-providers/aws"),
        ("891928451355", "Harness", "https://github.com/harness-community/terraform-aws-harness-ccm"),
    ]
}
