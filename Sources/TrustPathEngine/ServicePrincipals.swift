/// A service that only ever receives a role through `iam:PassRole` by a principal of the role's own account.
/// Trusting it without source conditions is not a cross-service confused deputy: `iam:PassRole` passes only roles of
/// the caller's own account, so nobody outside the account can point the service at the role.
public struct PassRoleOnlyService: Sendable, Hashable {
    /// The service principal (`lambda.amazonaws.com`).
    public let principal: String
    /// Why it is not an entry, shown by `trustpath explain`.
    public let reason: String
    /// Public AWS documentation for the reason.
    public let source: String
}

/// The reviewed list of pass-role-only services. Every entry rests on the IAM rule that `iam:PassRole` passes a role
/// only to a service acting for the role's own account
/// (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html), and on the service's own
/// documentation that it gets the role by being handed it. Services that assume roles on other accounts' say
/// (Config, SNS, CloudTrail, S3 replication, …) are left out: they stay entries.
public enum ServicePrincipals {
    public static let passRoleOnlyServices: [PassRoleOnlyService] = [
        PassRoleOnlyService(principal: "lambda.amazonaws.com",
                            reason: "Lambda uses a function's execution role, set with iam:PassRole by the function's owner",
                            source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-intro-execution-role.html"),
        PassRoleOnlyService(principal: "edgelambda.amazonaws.com",
                            reason: "Lambda@Edge uses a function's execution role, passed by the function's owner",
                            source: "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/lambda-edge-permissions.html"),
        PassRoleOnlyService(principal: "ec2.amazonaws.com",
                            reason: "EC2 uses an instance profile's role, attached with iam:PassRole in the instance's account",
                            source: "https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html"),
        PassRoleOnlyService(principal: "ecs-tasks.amazonaws.com",
                            reason: "ECS tasks use the task role set with iam:PassRole in the task definition's account",
                            source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html"),
        PassRoleOnlyService(principal: "pods.eks.amazonaws.com",
                            reason: "EKS Pod Identity uses the role of a pod identity association, created with iam:PassRole "
                                + "in the cluster's own account",
                            source: "https://docs.aws.amazon.com/eks/latest/userguide/pod-id-role.html"),
        PassRoleOnlyService(principal: "eks.amazonaws.com",
                            reason: "EKS clusters use a cluster role passed by the cluster's owner",
                            source: "https://docs.aws.amazon.com/eks/latest/userguide/cluster-iam-role.html"),
        PassRoleOnlyService(principal: "eks-fargate-pods.amazonaws.com",
                            reason: "Fargate pod execution roles are passed by the cluster's owner in its Fargate profile",
                            source: "https://docs.aws.amazon.com/eks/latest/userguide/pod-execution-role.html"),
        PassRoleOnlyService(principal: "glue.amazonaws.com",
                            reason: "Glue jobs and crawlers run with a role passed by their owner",
                            source: "https://docs.aws.amazon.com/glue/latest/dg/create-an-iam-role.html"),
        PassRoleOnlyService(principal: "sagemaker.amazonaws.com",
                            reason: "SageMaker jobs, endpoints and notebooks run with an execution role passed by their owner",
                            source: "https://docs.aws.amazon.com/sagemaker/latest/dg/sagemaker-roles.html"),
        PassRoleOnlyService(principal: "codebuild.amazonaws.com",
                            reason: "CodeBuild projects run with a service role passed by the project's owner",
                            source: "https://docs.aws.amazon.com/codebuild/latest/userguide/setting-up-service-role.html"),
        PassRoleOnlyService(principal: "batch.amazonaws.com",
                            reason: "Batch compute environments use a service role passed by their owner",
                            source: "https://docs.aws.amazon.com/batch/latest/userguide/IAM_policies.html"),
        PassRoleOnlyService(principal: "states.amazonaws.com",
                            reason: "Step Functions state machines run with a role passed by their owner",
                            source: "https://docs.aws.amazon.com/step-functions/latest/dg/procedure-create-iam-role.html"),
        PassRoleOnlyService(principal: "elasticmapreduce.amazonaws.com",
                            reason: "EMR clusters run with service roles passed by the cluster's owner",
                            source: "https://docs.aws.amazon.com/emr/latest/ManagementGuide/emr-iam-role.html"),
        PassRoleOnlyService(principal: "ssm.amazonaws.com",
                            reason: "Systems Manager uses roles passed by the account that configures it (hybrid activations, "
                                + "maintenance windows)",
                            source: "https://docs.aws.amazon.com/systems-manager/latest/userguide/hybrid-multicloud-service-role.html"),
        PassRoleOnlyService(principal: "apigateway.amazonaws.com",
                            reason: "API Gateway integrations use a credentials role passed by the API's owner",
                            source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/integrating-api-with-aws-services-lambda.html"),
        PassRoleOnlyService(principal: "datapipeline.amazonaws.com",
                            reason: "Data Pipeline uses roles passed by the pipeline's owner",
                            source: "https://docs.aws.amazon.com/datapipeline/latest/DeveloperGuide/dp-iam-roles.html"),
        PassRoleOnlyService(principal: "codepipeline.amazonaws.com",
                            reason: "CodePipeline uses a service role passed by the pipeline's owner",
                            source: "https://docs.aws.amazon.com/codepipeline/latest/userguide/how-to-custom-role.html"),
        PassRoleOnlyService(principal: "cloudformation.amazonaws.com",
                            reason: "CloudFormation uses a stack's service role, passed by the stack's owner",
                            source: "https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/using-iam-servicerole.html"),
        PassRoleOnlyService(principal: "firehose.amazonaws.com",
                            reason: "Firehose delivery streams use a role passed by the stream's owner",
                            source: "https://docs.aws.amazon.com/firehose/latest/dev/controlling-access.html"),
        PassRoleOnlyService(principal: "scheduler.amazonaws.com",
                            reason: "EventBridge Scheduler uses a schedule's execution role, passed by the schedule's owner",
                            source: "https://docs.aws.amazon.com/scheduler/latest/UserGuide/setting-up.html"),
        PassRoleOnlyService(principal: "pipes.amazonaws.com",
                            reason: "EventBridge Pipes use an execution role passed by the pipe's owner "
                                + "(iam:PassRole with iam:PassedToService pipes.amazonaws.com)",
                            source: "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEventBridgePipesFullAccess.html"),
    ]

    private static let byPrincipal: [String: PassRoleOnlyService] = Dictionary(
        passRoleOnlyServices.map { ($0.principal, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for a service, or nil when the service is an entry.
    public static func passRoleOnly(_ service: String) -> PassRoleOnlyService? {
        byPrincipal[service.lowercased()]
    }

    /// The reason a service is not an entry, or nil when it is one.
    public static func passRoleReason(_ service: String) -> String? {
        passRoleOnly(service)?.reason
    }
}
